namespace ProbDsl.Cli.Tests;

/// <summary><c>probdsl plan</c>: the compiler's plan per guide, as the golden plan tests print it.</summary>
public class PlanCommandTests
{
    [Fact]
    public void PlanOfOneGuidePrintsItsEnumeratedDimensionsAndTerms()
    {
        var (code, output, _) = Cli.Run("plan", Cli.Model("m2.pdsl"), "--guide", "Structured");

        Assert.Equal(0, code);
        Assert.StartsWith("model M2, guide Structured: class M2Structured", output);
        Assert.Contains("y: enumerated on dim 0 of 1 — q(y|x)", output);
        Assert.Contains("term - KL(q(z|x,y) || p(z)): analytic KL over [y]", output);
        Assert.DoesNotContain("guide MeanField", output);
    }

    [Fact]
    public void PlanOfABrokenFilePrintsItsDiagnosticsAndExits1()
    {
        var (code, output, _) = Cli.Run("plan", Cli.Model("broken.pdsl"));

        Assert.Equal(1, code);
        Assert.Contains("error PDSL0001", output);
    }
}
