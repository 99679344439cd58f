using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProbDsl.Cli.Measures;
using ScottPlot;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// The report's figures of trained models, one per variant from its first finished seed that has it: the 2-D PCA
/// projection of E[z] (<c>projection.csv</c>) as a scatter coloured by class, and the class-conditional sample grid
/// the run wrote (<c>samples.png</c>, copied as it is).
/// </summary>
internal static class LatentPlots
{
    private const int Width = 640;
    private const int Height = 560;

    /// <summary>At most this many points per scatter (the first rows of the projection), so that classes stay visible.</summary>
    public const int MaxPoints = 3000;

    public static IEnumerable<ReportPlot> Projections(ComparisonResults results)
    {
        foreach (var variant in results.Variants)
        {
            var run = variant.Runs.FirstOrDefault(r => r.Finished && File.Exists(Path.Combine(r.Directory, RunMeasures.ProjectionFile)));
            if (run is null)
                continue;
            var points = Read(Path.Combine(run.Directory, RunMeasures.ProjectionFile));
            var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            foreach (var group in points.GroupBy(p => p.Class).OrderBy(g => g.Key))
            {
                var scatter = plot.Add.ScatterPoints(group.Select(p => p.X).ToArray(), group.Select(p => p.Y).ToArray());
                scatter.Color = palette.GetColor((int)group.Key).WithAlpha(0.7);
                scatter.MarkerSize = 4;
                scatter.LegendText = $"y = {group.Key}";
            }
            var explained = run.Measures?.ProjectionExplained ?? [double.NaN, double.NaN];
            var latent = run.Measures?.Latent ?? "z";
            plot.Title($"E[{latent}] by class, PCA: {variant.Variant.Title}, seed {run.Run.Seed}");
            plot.XLabel(Invariant($"PC1 ({explained[0] * 100:F1}% of the variance)"));
            plot.YLabel(Invariant($"PC2 ({explained[1] * 100:F1}% of the variance)"));
            plot.ShowLegend(Alignment.UpperRight);
            yield return new ReportPlot($"projection-{variant.Variant.RunName(run.Run.Seed)}.png",
                $"E[{latent}] of {points.Count} test rows (of {run.Measures?.Rows}) by class, PCA to 2-D: {variant.Variant.Title}, seed {run.Run.Seed}.",
                plot.GetImageBytes(Width, Height, ImageFormat.Png), ReportSection.LatentSpace);
        }
    }

    public static IEnumerable<ReportPlot> Samples(ComparisonResults results)
    {
        foreach (var variant in results.Variants)
        {
            var run = variant.Runs.FirstOrDefault(r => r.Finished && File.Exists(Path.Combine(r.Directory, RunMeasures.SamplesFile)));
            if (run is null)
                continue;
            yield return new ReportPlot($"samples-{variant.Variant.RunName(run.Run.Seed)}.png",
                $"Class-conditional samples of {variant.Variant.Title}, seed {run.Run.Seed}: columns the classes 0, 1, …; rows {LatentMeasures.GridDraws} fixed draws " +
                "of the continuous latents (seed 0, the same draws for every variant); each tile the mean of p(x | y, z).",
                File.ReadAllBytes(Path.Combine(run.Directory, RunMeasures.SamplesFile)), ReportSection.Samples);
        }
    }

    /// <summary>A sentence for each variant without a grid, with the reason its runs gave (a stacked model's data are not images).</summary>
    public static IEnumerable<string> MissingSamples(ComparisonResults results)
    {
        foreach (var variant in results.Variants)
        {
            if (variant.Runs.Any(r => r.Finished && File.Exists(Path.Combine(r.Directory, RunMeasures.SamplesFile))))
                continue;
            var reason = variant.Runs.Select(r => r.Measures?.NotAvailable.GetValueOrDefault("samples")).FirstOrDefault(text => text is not null);
            if (reason is not null)
                yield return $"{variant.Variant.Title}: no grid ({reason}).";
        }
    }

    private static List<(double X, double Y, long Class)> Read(string path) =>
        File.ReadLines(path).Skip(1).Take(MaxPoints)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length == 3)
            .Select(cells => (double.Parse(cells[0], CultureInfo.InvariantCulture), double.Parse(cells[1], CultureInfo.InvariantCulture),
                long.Parse(cells[2], CultureInfo.InvariantCulture)))
            .ToList();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
