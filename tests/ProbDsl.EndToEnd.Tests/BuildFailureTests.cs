namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// A real `dotnet build` of a project with a broken .pdsl file fails, and the compiler's output names the file,
/// line and column — what a user sees in a terminal or an IDE.
/// </summary>
public class BuildFailureTests
{
    private const string Model = """
        model M {
          data   x : Bernoulli[4]
          label  y : Categorical[3]
          net cls = mlp(x -> 5 -> y.logits)
          net dec = mlp(y -> 5 -> x.logits)
          p(y) = Categorical(uniform)
          p(x | y) = Bernoulli(logits: dec(y))
          guide G = q(y | x) {
            q(y | x) = Categorical(logits: cls(x))
          }
          objective semisupervised(alpha: 0.1)
        }
        """;

    [Fact]
    public void Syntax_error_fails_the_build_at_its_line_and_column()
    {
        var (exitCode, output, path) = Build(Model.Replace("label  y : Categorical[3]", "label  y Categorical[3]"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{path}(3,12): error PDSL0001", output);
    }

    [Fact]
    public void Guide_missing_a_latent_fails_the_build_at_the_guide()
    {
        var broken = Model.Replace("guide G = q(y | x) {", "guide G = q(y | x) {")
            .Replace("label  y : Categorical[3]", "label  y : Categorical[3]\n  latent z : Normal[2]")
            .Replace("p(y) = Categorical(uniform)", "p(y) = Categorical(uniform)\n  p(z) = Normal(0, 1)");

        var (exitCode, output, path) = Build(broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{path}(10,9): error PDSL0301", output);
        Assert.Contains("'z'", output);
    }

    private static (int ExitCode, string Output, string PdslPath) Build(string pdsl) =>
        ProbeBuild.Run("model.pdsl", pdsl, "<AdditionalFiles Include=\"model.pdsl\" />");
}
