using System.Linq;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// A real `dotnet build` of a C# file with a broken [ProbModel] chain and broken inline text fails, and the compiler's
/// output names the C# file, line and column of each mistake.
/// </summary>
public class FluentBuildFailureTests
{
    private const string Models = """"
        using ProbDsl.Dsl.Fluent;
        using ProbDsl.Dsl.Ir;

        public static class Models
        {
            [ProbModel]
            public static ModelBuilder Fluent() => Model.Define("Fluent")
                .Data("x", DistributionFamily.Bernoulli, 4)
                .Latent("z", DistributionFamily.Normal, 2)
                .Net("dec", Mlp.From("z").Hidden(5).To("x.logits"))
                .P("z", Dist.Normal(0, 1))
                .P("x", ["z"], Dist.Bernoulli(logits: Net.Call("dec", "z")))
                .Guide("G", Guide.Q("x", Dist.Bernoulli(0)))
                .Elbo();
        }

        [ProbModel("""
            model Inline {
              data x : Bernoulli[4]
              latent z Normal[2]
            }
            """)]
        public static class InlineModels
        {
        }
        """";

    [Fact]
    public void Fluent_and_inline_errors_fail_the_build_at_their_CSharp_line_and_column()
    {
        var (exitCode, output, path) = Build(Models);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{path}(13,10): error PDSL0301", output); // .Guide("G", ...) misses z
        Assert.Contains($"{path}(13,27): error PDSL0303", output); // its Q("x", ...) targets data
        Assert.Contains($"{path}(20,16): error PDSL0001", output); // 'latent z Normal' lacks ':'
    }

    private static (int ExitCode, string Output, string SourcePath) Build(string source)
    {
        var dsl = ProbeBuild.GeneratorAssemblies().Single(a => System.IO.Path.GetFileName(a) == "ProbDsl.Dsl.dll");
        return ProbeBuild.Run("Models.cs", source, $"<Reference Include=\"{dsl}\" />");
    }
}
