using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>The report's prose that does not depend on the format: what was compared, and what is not measured yet.</summary>
internal static class ReportText
{
    public static IEnumerable<string> Heading(ComparisonResults results)
    {
        var m = results.Manifest;
        var seeds = results.Runs.Select(r => r.Run.Seed).Distinct().Order();
        yield return $"# Comparison: {System.IO.Path.GetFileName(m.File)}";
        yield return "";
        yield return $"Model file `{m.File}` (SHA-256 `{m.FileSha256[..16]}…`), {m.Epochs} epoch{(m.Epochs == 1 ? "" : "s")} per run, {m.Labels} labels, seeds {string.Join(", ", seeds)}" +
            (m.TrainOptions.Count == 0 ? "." : $", train options `{string.Join(" ", m.TrainOptions)}`.");
        yield return "Every variant of a seed trained on the same split of the data and the same labelled subset. " +
            $"{results.Runs.Count(r => r.Finished)} of {results.Runs.Count()} runs have finished; final numbers are over finished runs only, " +
            "learning curves over every run at the epochs it has reached. The test ELBO is the exact bound (discrete variables enumerated) " +
            "for every variant, so it compares across estimators. Seconds per epoch is the mean over a run's epochs, " +
            "evaluation included (an epoch resumed from a mid-epoch checkpoint counts only its resumed part).";
    }

    public const string NotYetMeasured =
        "Not in this report yet: gradient variance of the guide's parameters, k-NN accuracy on E[z], an estimate of I(z;y), " +
        "a 2-D projection of E[z] by class, and class-conditional sample grids.";
}
