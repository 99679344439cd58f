using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// A number the report compares variants on: how to read it from a finished run, which way is better, and how to
/// print it (accuracy in percent, bounds in nats, time in seconds).
/// </summary>
/// <param name="Unavailable">Why a finished run cannot give the measure (e.g. "n/a: E[z] has no closed form"), or null.</param>
internal sealed record Measure(string Name, string Unit, bool HigherIsBetter, Func<RunRecord, double?> Final, Func<RunRecord, string?>? Unavailable = null)
{
    public static readonly Measure Accuracy = new("final test accuracy", "%", true, run => run.Epochs.LastOrDefault()?.TestAccuracy * 100);

    public static readonly Measure Elbo = new("final test ELBO", "nats", true, run => run.Epochs.LastOrDefault(e => e.TestElbo is not null)?.TestElbo);

    public static readonly Measure SecondsPerEpoch = new("seconds per epoch", "s", false, run => run.Epochs.Count == 0 ? null : run.Epochs.Average(e => e.Seconds));

    public static readonly Measure KnnAccuracy = new("k-NN accuracy on E[z]", "%", true,
        run => run.Measures?.KnnAccuracy * 100, run => run.Unavailable("knn_accuracy"));

    public static readonly Measure MutualInformation = new("I(E[z]; y)", "nats", true,
        run => run.Measures?.MutualInformation, run => run.Unavailable("mutual_information"));

    public static readonly Measure GenerativeAccuracy = new("argmax_y L(x,y) accuracy", "%", true,
        run => run.Measures?.GenerativeAccuracy * 100, run => run.Unavailable("generative_accuracy"));

    public static readonly Measure GuideAccuracy = new("q(y|x) accuracy on the measured rows", "%", true,
        run => run.Measures?.GuideAccuracy * 100, run => run.Unavailable("guide_accuracy"));

    /// <summary>What the report says of training: the variants table.</summary>
    public static IReadOnlyList<Measure> Training { get; } = [Accuracy, Elbo, SecondsPerEpoch];

    /// <summary>What the trained models say about their latent space and classifiers (measures.json): the latent-space table.</summary>
    public static IReadOnlyList<Measure> Latent { get; } = [KnnAccuracy, MutualInformation, GenerativeAccuracy, GuideAccuracy];

    /// <summary>A value with its unit: <c>92.10%</c>, <c>−89.82 nats</c>, <c>25.8 s</c>.</summary>
    public string Format(double value) => Number(value) + Suffix;

    public static IReadOnlyList<Measure> All { get; } = [.. Training, .. Latent];

    /// <summary>The measures with a verdict and a plot of their own (q(y|x) on the measured rows repeats the final test accuracy's verdict).</summary>
    public static IReadOnlyList<Measure> Compared { get; } = [.. Training, KnnAccuracy, MutualInformation, GenerativeAccuracy];

    /// <summary>The name at the start of a sentence: capitalised unless that would change a symbol (k-NN, q(y|x)).</summary>
    public string SentenceName => Name.Length > 1 && char.IsLetter(Name[1]) ? char.ToUpperInvariant(Name[0]) + Name[1..] : Name;

    /// <summary>A file name for the measure's plot: letters and digits, every other run of characters one dash.</summary>
    public string FileName
    {
        get
        {
            var name = new System.Text.StringBuilder();
            foreach (var c in Name.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                    name.Append(c);
                else if (name.Length > 0 && name[^1] != '-')
                    name.Append('-');
            }
            return name.ToString().TrimEnd('-') + ".png";
        }
    }

    /// <summary>The measure over the variant's finished runs (an unfinished run has no final value yet).</summary>
    public Spread Over(IEnumerable<RunRecord> runs) =>
        Spread.Of(runs.Where(r => r.Finished).Select(Final).OfType<double>());

    /// <summary>
    /// The variant's cell: <see cref="Show(Spread)"/> over its finished runs; when none has a value but a finished run
    /// says why, <c>n/a: reason</c>.
    /// </summary>
    public string Show(VariantResults variant)
    {
        var spread = variant.Final(this);
        if (spread.N > 0 || Unavailable is null)
            return Show(spread);
        return variant.Runs.Where(r => r.Finished).Select(Unavailable).FirstOrDefault(reason => reason is not null) is { } why ? $"n/a: {why}" : "—";
    }

    /// <summary><c>92.10 ± 0.40% (n = 3)</c>; without a second seed the spread is not shown.</summary>
    public string Show(Spread spread) => spread.N == 0 ? "—"
        : spread.HasSd ? Invariant($"{Number(spread.Mean)} ± {Number(spread.Sd)}{Suffix} (n = {spread.N})")
        : Invariant($"{Format(spread.Mean)} (n = 1)");

    /// <summary>A difference between two values: percentage points for an accuracy.</summary>
    public string Difference(double value) => Number(value) + (Unit == "%" ? " points" : Suffix);

    private string Suffix => Unit == "%" ? "%" : " " + Unit;

    /// <summary>Two decimals (one for seconds); a true minus sign, as in the README's tables.</summary>
    private string Number(double value) =>
        value.ToString(Unit == "s" ? "F1" : Unit == "nats" && Name.StartsWith("I(", StringComparison.Ordinal) ? "F3" : "F2", CultureInfo.InvariantCulture).Replace('-', '−');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
