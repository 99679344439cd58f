using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProbDsl.Generators.Tests;

/// <summary>The memory warnings reach the build located in the .pdsl file; ProbDslLimits="off" on the item turns them off.</summary>
public class LimitsOptionTests
{
    // A hidden layer of 10^8 units on 784 inputs: 78,900,004,723 parameters (enc 784·10^8 + 10^8 + 2·(2·10^8 + 2), dec 4719), far past the 5·10^8 warning.
    private const string Huge = """
        model Huge {
          data   x : Bernoulli[784]
          latent z : Normal[2]
          net enc = mlp(x -> 100000000 -> z.loc, softplus(z.scale))
          net dec = mlp(z -> 5 -> x.logits)
          p(z) = Normal(0, 1)
          p(x | z) = Bernoulli(logits: dec(z))
          guide G = q(z | x) {
            q(z | x) = Normal(enc(x))
          }
          objective elbo
        }
        """;

    private static ImmutableDictionary<string, string> Limits(string value) =>
        ImmutableDictionary<string, string>.Empty.Add("ProbDslLimits", value);

    [Theory]
    [InlineData(null)]
    [InlineData("on")]
    public void A_model_that_would_exhaust_memory_gets_a_located_warning_by_default(string? value)
    {
        var run = value is null ? GeneratorHarness.Run(("/m/huge.pdsl", Huge)) : GeneratorHarness.RunWithMetadata(Limits(value), ("/m/huge.pdsl", Huge));

        Assert.Null(Assert.Single(run.Results).Exception);
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal(("PDSL0213", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal(3, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("78,900,004,723 network parameters", warning.GetMessage());
    }

    [Theory]
    [InlineData("off")]
    [InlineData(" OFF ")]
    public void ProbDslLimits_off_turns_the_memory_warnings_off(string value)
    {
        var run = GeneratorHarness.RunWithMetadata(Limits(value), ("/m/huge.pdsl", Huge));

        Assert.Empty(run.Diagnostics);
        Assert.Single(run.Results[0].GeneratedSources);
    }

    [Fact]
    public void ProbDslLimits_off_does_not_turn_off_size_errors()
    {
        var run = GeneratorHarness.RunWithMetadata(Limits("off"), ("/m/huge.pdsl", Huge.Replace("100000000", "1000000000")));

        Assert.Equal("PDSL0212", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void An_unknown_ProbDslLimits_value_is_an_error()
    {
        var run = GeneratorHarness.RunWithMetadata(Limits("maybe"), ("/m/huge.pdsl", Huge));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal(("PDSL0903", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Contains("\"maybe\"", error.GetMessage());
        Assert.Empty(run.Results[0].GeneratedSources);
    }

    [Fact]
    public void NoWarn_silences_the_memory_warnings_like_any_compiler_warning()
    {
        ImmutableArray<Diagnostic> Reported(ReportDiagnostic pdsl0213)
        {
            var options = new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSpecificDiagnosticOptions(new[] { new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("PDSL0213", pdsl0213) });
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("NoWarn", options: options);
            GeneratorHarness.CreateDriver(("/m/huge.pdsl", Huge)).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
            return diagnostics;
        }

        Assert.Equal("PDSL0213", Assert.Single(Reported(ReportDiagnostic.Default)).Id);
        Assert.Empty(Reported(ReportDiagnostic.Suppress));
    }
}
