using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// The sentences of the report, generated from the numbers: for each measure, which variant is best and whether its
/// lead over the runner-up exceeds the seed spread. The rule, stated in the report too: the difference of the two
/// means exceeds the spread when it is larger than the larger of the two standard deviations over seeds. Welch's t
/// is printed beside it for readers who want a test statistic.
/// </summary>
internal static class Verdicts
{
    public const string Rule =
        "A lead *exceeds the seed spread* when the difference of the two means is larger than the larger of their two standard deviations over seeds " +
        "(sample sd, n − 1). Welch's t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂) is given beside it; with 3 seeds each, |t| above about 4.3 (2 degrees of freedom) " +
        "to 2.8 (4) is significant at the 5% level.";

    public static IReadOnlyList<string> For(ComparisonResults results) =>
        Measure.Compared.Select(m => For(results, m)).OfType<string>().ToList();

    private static string? For(ComparisonResults results, Measure measure)
    {
        var ranked = results.Variants
            .Select(v => (v.Variant, Spread: v.Final(measure)))
            .Where(v => v.Spread.N > 0)
            .OrderBy(v => measure.HigherIsBetter ? -v.Spread.Mean : v.Spread.Mean)
            .ToList();
        if (ranked.Count == 0)
            return null;
        var name = measure.SentenceName;
        if (ranked.Count == 1)
            return $"{name}: only {ranked[0].Variant.Title} has finished runs ({measure.Show(ranked[0].Spread)}); nothing to compare it with yet.";
        var (best, second) = (ranked[0], ranked[1]);
        var difference = System.Math.Abs(best.Spread.Mean - second.Spread.Mean);
        var lead = $"{name}: {best.Variant.Title} is best with {measure.Show(best.Spread)}, ahead of {second.Variant.Title} " +
            $"({measure.Show(second.Spread)}) by {Amount(measure, difference)}";
        return lead + Judgement(measure, best.Spread, second.Spread, difference) + Others(measure, ranked);
    }

    private static string Judgement(Measure measure, Spread best, Spread second, double difference)
    {
        if (!best.HasSd || !second.HasSd)
            return "; with a single seed on one side the seed spread is unknown, so this says nothing yet about a real difference (run more --seeds).";
        var spread = System.Math.Max(best.Sd, second.Sd);
        var t = Spread.WelchT(best, second);
        var welch = double.IsFinite(t) ? Invariant($"; Welch t = {System.Math.Abs(t):F2}") : "";
        return difference > spread
            ? $", which exceeds the seed spread (larger sd {Amount(measure, spread)}{welch})."
            : $", which is within the seed spread (larger sd {Amount(measure, spread)}{welch}): not a clear difference.";
    }

    private static string Others(Measure measure, IReadOnlyList<(Variant Variant, Spread Spread)> ranked) =>
        ranked.Count <= 2 ? "" : " Then: " + string.Join(", ", ranked.Skip(2).Select(v => $"{v.Variant.Title} {measure.Format(v.Spread.Mean)}")) + ".";

    private static string Amount(Measure measure, double value) => measure.Difference(value);

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
