using Xunit.Abstractions;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>Fuzz tests run one after another, so each gets the machine its budget assumes (the run stays ~30 s).</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}

internal static class FuzzAssert
{
    /// <summary>Prints the count; fails listing every distinct finding with its first input.</summary>
    public static void Clean(FuzzReport report, ITestOutputHelper output, string? extra = null)
    {
        output.WriteLine(report.Summary + (extra is null ? "" : "; " + extra));
        Assert.True(report.Findings.Count == 0, report.Summary + "\n\n" + report.Details);
        Assert.True(report.Inputs >= FuzzSettings.MinimumInputs, $"only {report.Inputs} inputs ran");
    }
}
