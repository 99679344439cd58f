using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// A variant's gradient-variance measurements grouped by step: mean ± sd over its runs (finished or not) that
/// measured at that step, of the total variance and of its ratio to the mean gradient's squared norm.
/// </summary>
internal sealed record GradientPoints(long Step, string When, Spread Variance, Spread Ratio, long Parameters)
{
    public static IReadOnlyList<GradientPoints> Of(VariantResults variant) =>
        variant.Runs.SelectMany(r => r.GradientVariance ?? [])
            .GroupBy(row => row.Step)
            .OrderBy(g => g.Key)
            .Select(g => new GradientPoints(g.Key,
                g.First().EndOfEpoch ? $"step {g.Key} (end of epoch {g.First().Epoch})" : $"step {g.Key} (epoch {g.First().Epoch})",
                Spread.Of(g.Select(row => row.TotalVariance)),
                Spread.Of(g.Where(row => row.Ratio is not null).Select(row => row.Ratio!.Value)),
                g.First().Parameters))
            .ToList();
}
