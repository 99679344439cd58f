using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>The report's two tables as rows of cells, shared by the Markdown and HTML writers.</summary>
internal static class ReportTables
{
    public static IReadOnlyList<string> VariantHeader { get; } =
        ["variant", "guide", "estimator", "finished runs", .. Measure.Training.Select(m => $"{m.Name} (mean ± sd)")];

    public static IEnumerable<IReadOnlyList<string>> Variants(ComparisonResults results) =>
        results.Variants.Select(v => (IReadOnlyList<string>)
        [
            v.Variant.Title, v.Variant.Guide, v.Variant.Infer ?? "declared in the file",
            $"{v.Runs.Count(r => r.Finished)} of {v.Runs.Count}",
            .. Measure.Training.Select(m => m.Show(v)),
        ]);

    public static IReadOnlyList<string> LatentHeader { get; } = ["variant", "z measured", .. Measure.Latent.Select(m => $"{m.Name} (mean ± sd)")];

    /// <summary>Per variant, what its trained models' latent space knows about y, and its two classifiers (measures.json).</summary>
    public static IEnumerable<IReadOnlyList<string>> Latent(ComparisonResults results) =>
        results.Variants.Select(v => (IReadOnlyList<string>)[v.Variant.Title, LatentName(v), .. Measure.Latent.Select(m => m.Show(v))]);

    /// <summary>Which continuous latent E[z] is of: the guide's first (an auxiliary a, in a guide that samples it first).</summary>
    private static string LatentName(VariantResults variant) =>
        string.Join(", ", variant.Runs.Select(r => r.Measures?.Latent is { } latent ? $"{latent} [{r.Measures.LatentSize}]" : null).OfType<string>().Distinct()) is { Length: > 0 } names ? names : "—";

    public static IReadOnlyList<string> GradientHeader { get; } =
        ["variant", "measured after", "total variance (mean ± sd)", "variance / ‖mean gradient‖² (mean ± sd)", "guide parameters"];

    /// <summary>Per variant and measured step (in step order), the gradient variance over the variant's runs that measured it.</summary>
    public static IEnumerable<IReadOnlyList<string>> Gradient(ComparisonResults results) =>
        results.Variants.SelectMany(v => GradientPoints.Of(v).Select(p => (IReadOnlyList<string>)
        [
            v.Variant.Title, p.When, Scientific(p.Variance), Scientific(p.Ratio), p.Parameters.ToString(CultureInfo.InvariantCulture),
        ]));

    /// <summary>Variances span orders of magnitude: three significant digits in scientific notation.</summary>
    private static string Scientific(Spread spread) => spread.N == 0 ? "—"
        : spread.HasSd ? $"{E(spread.Mean)} ± {E(spread.Sd)} (n = {spread.N})" : $"{E(spread.Mean)} (n = 1)";

    private static string E(double value) => value.ToString("0.00e+0", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> RunHeader { get; } = ["run", "seed", "state", "epochs", "test accuracy", "test ELBO", "s / epoch", "k-NN accuracy", "I(E[z]; y)", "argmax L(x,y) accuracy"];

    public static IEnumerable<IReadOnlyList<string>> Runs(ComparisonResults results, int epochs) =>
        results.Runs.Select(r => (IReadOnlyList<string>)
        [
            r.Run.Name, r.Run.Seed.ToString(CultureInfo.InvariantCulture), State(r.State),
            $"{r.Epochs.Count} of {epochs}",
            Last(r, Measure.Accuracy), Last(r, Measure.Elbo), Last(r, Measure.SecondsPerEpoch),
            Last(r, Measure.KnnAccuracy), Last(r, Measure.MutualInformation), Last(r, Measure.GenerativeAccuracy),
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
