using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// A number the report compares variants on: how to read it from a finished run, which way is better, and how to
/// print it (accuracy in percent, bounds in nats, time in seconds).
/// </summary>
internal sealed record Measure(string Name, string Unit, bool HigherIsBetter, Func<RunRecord, double?> Final)
{
    public static readonly Measure Accuracy = new("final test accuracy", "%", true, run => run.Epochs.LastOrDefault()?.TestAccuracy * 100);

    public static readonly Measure Elbo = new("final test ELBO", "nats", true, run => run.Epochs.LastOrDefault(e => e.TestElbo is not null)?.TestElbo);

    public static readonly Measure SecondsPerEpoch = new("seconds per epoch", "s", false, run => run.Epochs.Count == 0 ? null : run.Epochs.Average(e => e.Seconds));

    /// <summary>A value with its unit: <c>92.10%</c>, <c>−89.82 nats</c>, <c>25.8 s</c>.</summary>
    public string Format(double value) => Number(value) + Suffix;

    public static IReadOnlyList<Measure> All { get; } = [Accuracy, Elbo, SecondsPerEpoch];

    /// <summary>The measure over the variant's finished runs (an unfinished run has no final value yet).</summary>
    public Spread Over(IEnumerable<RunRecord> runs) =>
        Spread.Of(runs.Where(r => r.Finished).Select(Final).OfType<double>());

    /// <summary><c>92.10 ± 0.40% (n = 3)</c>; without a second seed the spread is not shown.</summary>
    public string Show(Spread spread) => spread.N == 0 ? "—"
        : spread.HasSd ? Invariant($"{Number(spread.Mean)} ± {Number(spread.Sd)}{Suffix} (n = {spread.N})")
        : Invariant($"{Format(spread.Mean)} (n = 1)");

    /// <summary>A difference between two values: percentage points for an accuracy.</summary>
    public string Difference(double value) => Number(value) + (Unit == "%" ? " points" : Suffix);

    private string Suffix => Unit == "%" ? "%" : " " + Unit;

    /// <summary>Two decimals (one for seconds); a true minus sign, as in the README's tables.</summary>
    private string Number(double value) =>
        value.ToString(Unit == "s" ? "F1" : "F2", CultureInfo.InvariantCulture).Replace('-', '−');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
