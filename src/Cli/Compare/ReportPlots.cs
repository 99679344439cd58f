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
        foreach (var measure in Measure.All.Where(m => results.Variants.Any(v => v.Final(m).N > 0)))
            plots.Add(Dots(results, measure));
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
        var title = $"{char.ToUpperInvariant(measure.Name[0])}{measure.Name[1..]} by variant";
        Label(plot, title, "", $"{measure.Name} ({measure.Unit})");
        var file = measure.Name.Replace(' ', '-').ToLowerInvariant() + ".png";
        return new ReportPlot(file, $"{title}: mean over finished runs, error bar ± 1 sd.", plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }

    private static void Label(Plot plot, string title, string x, string y)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
    }

    private static Color Colour(int index) => new ScottPlot.Palettes.Category10().GetColor(index);
}
