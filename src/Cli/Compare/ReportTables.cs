using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>The report's two tables as rows of cells, shared by the Markdown and HTML writers.</summary>
internal static class ReportTables
{
    public static IReadOnlyList<string> VariantHeader { get; } =
        ["variant", "guide", "estimator", "finished runs", .. Measure.All.Select(m => $"{m.Name} (mean ± sd)")];

    public static IEnumerable<IReadOnlyList<string>> Variants(ComparisonResults results) =>
        results.Variants.Select(v => (IReadOnlyList<string>)
        [
            v.Variant.Title, v.Variant.Guide, v.Variant.Infer ?? "declared in the file",
            $"{v.Runs.Count(r => r.Finished)} of {v.Runs.Count}",
            .. Measure.All.Select(m => m.Show(v.Final(m))),
        ]);

    public static IReadOnlyList<string> RunHeader { get; } = ["run", "seed", "state", "epochs", "test accuracy", "test ELBO", "s / epoch"];

    public static IEnumerable<IReadOnlyList<string>> Runs(ComparisonResults results, int epochs) =>
        results.Runs.Select(r => (IReadOnlyList<string>)
        [
            r.Run.Name, r.Run.Seed.ToString(CultureInfo.InvariantCulture), State(r.State),
            $"{r.Epochs.Count} of {epochs}",
            Last(r, Measure.Accuracy), Last(r, Measure.Elbo), Last(r, Measure.SecondsPerEpoch),
        ]);

    /// <summary>The run's latest value (of an unfinished run too: the table shows where it stands).</summary>
    private static string Last(RunRecord run, Measure measure) => measure.Final(run) is double value ? measure.Format(value) : "—";

    private static string State(RunState state) => state switch
    {
        RunState.Finished => "finished",
        RunState.Resumable => "interrupted (resumes from its checkpoint)",
        _ => "not started or no checkpoint yet",
    };
}
