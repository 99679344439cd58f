using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProbDsl.Generators.Tests.Fuzzing;

namespace ProbDsl.Generators.Tests.Fluent;

/// <summary>
/// [ProbModel] models whose C# names collide — with another target's or a .pdsl file's — are PDSL0108 at the later
/// declaration naming the first, as for .pdsl files. Found by the fuzzer: two targets of the same class and method
/// name in two namespaces crashed the generator (CS8785, duplicate hint name), and colliding names in different
/// targets generated two classes of one name (CS0101 inside generated code).
/// </summary>
public class TargetNameCollisionTests
{
    private static string Target(string space, string model) => $$"""
        namespace {{space}}
        {
            public static class Models
            {
                [ProbModel]
                public static ModelBuilder M() => Model.Define("{{model}}")
                    .Data("x", DistributionFamily.Bernoulli, 4)
                    .Latent("z", DistributionFamily.Normal, 2)
                    .Net("dec", Mlp.From("z").Hidden(3).To("x.logits"))
                    .Net("enc", Mlp.From("x").Hidden(3).To("z.loc").To("z.scale", HeadTransform.Softplus))
                    .P("z", Dist.Normal(0, 1))
                    .P("x", ["z"], Dist.Bernoulli(logits: Net.Call("dec", "z")))
                    .Guide("G", Guide.Q("z", ["x"], Dist.Normal(Net.Call("enc", "x"))))
                    .Elbo();
            }
        }

        """;

    private const string Usings = "using ProbDsl.Dsl.Fluent;\nusing ProbDsl.Dsl.Ir;\n";

    private static Diagnostic SingleError(GeneratorDriverRunResult run)
    {
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        return Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("Dup", "Dup")]
    [InlineData("Foo_bar", "FooBar")]
    [InlineData("foo", "FOO")]
    public void Two_targets_with_colliding_model_names_are_an_error_at_the_second(string first, string second)
    {
        var source = Usings + Target("A", first) + Target("B", second);

        var run = AttributeHarness.Run(source);

        var error = SingleError(run);
        Assert.Equal("PDSL0108", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "Define", occurrence: 1), AttributeHarness.Start(error));
        Assert.Contains($"model '{first}' at {AttributeHarness.UserPath}(", error.GetMessage());
        Assert.Single(run.Results.Single().GeneratedSources);
        Assert.Empty(AttributeHarness.CompileWithGenerated(source, run));
    }

    [Fact]
    public void Colliding_names_in_one_inline_text_are_an_error_at_the_second()
    {
        var tiny = System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "Models", "tiny.pdsl"));
        var source = Usings + "[ProbModel(\"\"\"\n" + tiny.Replace("model Tiny", "model Foo_bar") + tiny.Replace("model Tiny", "model FooBar") + "\"\"\")]\npublic static class Models { }\n";

        var run = AttributeHarness.Run(source);

        Assert.Equal("PDSL0108", SingleError(run).Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "FooBar"), AttributeHarness.Start(SingleError(run)));
        Assert.Empty(AttributeHarness.CompileWithGenerated(source, run));
    }

    [Fact]
    public void A_target_with_the_name_of_a_pdsl_model_is_an_error_naming_the_file()
    {
        var tiny = System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "Models", "tiny.pdsl"));
        var source = Usings + Target("A", "Tiny");
        var input = new FuzzInput(ImmutableArray.Create(new FuzzFile(AttributeHarness.UserPath, source)),
            ImmutableArray.Create(new FuzzFile("/m/tiny.pdsl", tiny)), ImmutableDictionary<string, string>.Empty);

        var run = FuzzDriver.Build(input).Run;

        var error = SingleError(run);
        Assert.Equal("PDSL0108", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "Define"), AttributeHarness.Start(error));
        Assert.Contains("model 'Tiny' at /m/tiny.pdsl(3,7)", error.GetMessage());
        Assert.Empty(GeneratorHarness.CompileGenerated(run));
    }
}
