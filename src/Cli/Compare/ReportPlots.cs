using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// The report's figures, drawn with ScottPlot: a learning curve per measure (mean over seeds, with a band of ± one
/// sd where there are two seeds or more) and the final numbers as dots with ± sd error bars.
/// </summary>
internal static class ReportPlots
{
    private const int Width = 800;
    private const int Height = 480;

    public static IReadOnlyList<ReportPlot> For(ComparisonResults results)
    {
        var plots = new List<ReportPlot>();
        if (results.Runs.Any(r => r.Epochs.Any(e => e.TestAccuracy is not null)))
            plots.Add(Curve(results, "accuracy-curve.png", "Test accuracy by epoch", "test accuracy (%)", e => e.TestAccuracy * 100));
        if (results.Runs.Any(r => r.Epochs.Any(e => e.TestElbo is not null)))
            plots.Add(Curve(results, "elbo-curve.png", "Exact test ELBO by epoch (where measured)", "test ELBO (nats per example)", e => e.TestElbo));
        foreach (var measure in Measure.Compared.Where(m => results.Variants.Any(v => v.Final(m).N > 0)))
            plots.Add(Dots(results, measure));
        if (results.Variants.Any(v => GradientPoints.Of(v).Count > 0))
            plots.Add(GradientVariance(results));
        plots.AddRange(LatentPlots.Projections(results));
        plots.AddRange(LatentPlots.Samples(results));
        return plots;
    }

    private static ReportPlot Curve(ComparisonResults results, string file, string title, string axis, Func<EpochRecord, double?> value)
    {
        var plot = new Plot();
        var index = 0;
        foreach (var variant in results.Variants)
        {
            var color = Colour(index++);
            var curve = variant.Curve(value);
            if (curve.Count == 0)
                continue;
            var xs = curve.Select(p => (double)p.Epoch).ToArray();
            var means = curve.Select(p => p.Value.Mean).ToArray();
            if (curve.Any(p => p.Value.HasSd))
            {
                var sd = curve.Select(p => p.Value.HasSd ? p.Value.Sd : 0).ToArray();
                var band = plot.Add.FillY(xs, means.Zip(sd, (m, s) => m - s).ToArray(), means.Zip(sd, (m, s) => m + s).ToArray());
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(xs, means);
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = $"{variant.Variant.Title} (n = {variant.Runs.Count})";
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        Label(plot, title, "epoch", axis);
        plot.ShowLegend(Alignment.LowerRight);
        return new ReportPlot(file, $"{title}: mean over seeds, band ± 1 sd.", plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }

    /// <summary>The final numbers as a dot per variant with ± sd error bars (not bars: a bound in nats has no natural zero).</summary>
    private static ReportPlot Dots(ComparisonResults results, Measure measure)
    {
        var plot = new Plot();
        var ticks = new List<Tick>();
        var index = 0;
        foreach (var variant in results.Variants)
        {
            var spread = variant.Final(measure);
            if (spread.N > 0)
            {
                var color = Colour(index);
                if (spread.HasSd)
                {
                    var bar = plot.Add.ErrorBar([(double)index], [spread.Mean], [spread.Sd]);
                    bar.Color = color;
                    bar.LineWidth = 2;
                }
                var dot = plot.Add.Marker(index, spread.Mean);
                dot.Color = color;
                dot.Size = 12;
            }
            // Two lines (guide; estimator and n), so that four or more variants still fit side by side.
            ticks.Add(new Tick(index, $"{variant.Variant.Guide}\n{variant.Variant.Estimator} (n = {spread.N})"));
            index++;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.SetLimitsX(-0.5, index - 0.5);
        var title = $"{measure.SentenceName} by variant";
        Label(plot, title, "", $"{measure.Name} ({measure.Unit})");
        var file = measure.FileName;
        return new ReportPlot(file, $"{title}: mean over finished runs, error bar ± 1 sd.", plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }

    /// <summary>
    /// log10 of the total gradient variance at each measured step, a dot per variant (mean over its runs of the
    /// log, ± sd), variants side by side at each step.
    /// </summary>
    private static ReportPlot GradientVariance(ComparisonResults results)
    {
        var plot = new Plot();
        var steps = results.Variants.SelectMany(GradientPoints.Of).Select(p => p.Step).Distinct().Order().ToList();
        var ticks = new List<Tick>();
        var index = 0;
        foreach (var variant in results.Variants)
        {
            var color = Colour(index);
            var offset = (index - (results.Variants.Count - 1) / 2.0) * 0.12;
            var xs = new List<double>();
            var means = new List<double>();
            var sds = new List<double>();
            foreach (var step in steps)
            {
                var logs = Spread.Of(variant.Runs.SelectMany(r => r.GradientVariance ?? []).Where(row => row.Step == step && row.TotalVariance > 0)
                    .Select(row => Math.Log10(row.TotalVariance)));
                if (logs.N == 0)
                    continue;
                xs.Add(steps.IndexOf(step) + offset);
                means.Add(logs.Mean);
                sds.Add(logs.HasSd ? logs.Sd : 0);
            }
            index++;
            if (xs.Count == 0)
                continue;
            var bar = plot.Add.ErrorBar(xs.ToArray(), means.ToArray(), sds.ToArray());
            bar.Color = color;
            var dots = plot.Add.ScatterPoints(xs.ToArray(), means.ToArray());
            dots.Color = color;
            dots.MarkerSize = 10;
            dots.LegendText = variant.Variant.Title;
        }
        var first = results.Variants.SelectMany(GradientPoints.Of).ToList();
        for (var i = 0; i < steps.Count; i++)
            ticks.Add(new Tick(i, first.First(p => p.Step == steps[i]).When.Replace(" (", "\n(")));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.SetLimitsX(-0.5, steps.Count - 0.5);
        Label(plot, "Gradient variance of the guide's parameters", "", "log10 total variance");
        plot.ShowLegend(Edge.Right); // beside the plot: the dots may be anywhere
        return new ReportPlot("gradient-variance.png",
            "Total variance of the minibatch gradient of the guide's parameters over fresh minibatches at fixed steps: log10, mean over runs, error bar ± 1 sd.",
            plot.GetImageBytes(Width, Height, ImageFormat.Png), ReportSection.GradientVariance);
    }

    private static void Label(Plot plot, string title, string x, string y)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
    }

    private static Color Colour(int index) => new ScottPlot.Palettes.Category10().GetColor(index);
}
