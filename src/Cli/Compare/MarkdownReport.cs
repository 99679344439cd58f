using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProbDsl.Cli.Compare;

/// <summary><c>report.md</c>: the tables, the verdicts and the plots (as links to their PNG files).</summary>
internal static class MarkdownReport
{
    public static string Write(ComparisonResults results, IReadOnlyList<string> verdicts, IReadOnlyList<ReportPlot> plots, string plotsFolder)
    {
        var text = new StringBuilder();
        foreach (var line in ReportText.Heading(results))
            text.AppendLine(line);
        text.AppendLine().AppendLine("## Variants").AppendLine();
        Table(text, ReportTables.VariantHeader, ReportTables.Variants(results));
        text.AppendLine().AppendLine("## Verdicts").AppendLine();
        foreach (var verdict in verdicts)
            text.AppendLine($"- {verdict}");
        text.AppendLine().AppendLine(Verdicts.Rule);
        text.AppendLine().AppendLine("## Plots").AppendLine();
        Plots(text, plots, ReportSection.Training, plotsFolder);
        text.AppendLine("## Gradient variance").AppendLine().AppendLine(ReportText.GradientVariance).AppendLine();
        Table(text, ReportTables.GradientHeader, ReportTables.Gradient(results));
        text.AppendLine();
        Plots(text, plots, ReportSection.GradientVariance, plotsFolder);
        text.AppendLine("## Latent space and classifiers").AppendLine().AppendLine(ReportText.LatentSpace).AppendLine();
        Table(text, ReportTables.LatentHeader, ReportTables.Latent(results));
        text.AppendLine();
        Plots(text, plots, ReportSection.LatentSpace, plotsFolder);
        text.AppendLine("## Class-conditional samples").AppendLine().AppendLine(ReportText.Samples).AppendLine();
        Plots(text, plots, ReportSection.Samples, plotsFolder);
        foreach (var missing in LatentPlots.MissingSamples(results))
            text.AppendLine(missing).AppendLine();
        text.AppendLine("## Runs").AppendLine();
        Table(text, ReportTables.RunHeader, ReportTables.Runs(results, results.Manifest.Epochs));
        return text.ToString();
    }

    private static void Plots(StringBuilder text, IReadOnlyList<ReportPlot> plots, ReportSection section, string plotsFolder)
    {
        foreach (var plot in plots.Where(p => p.Section == section))
            text.AppendLine($"![{plot.Caption}]({plotsFolder}/{plot.FileName})").AppendLine().AppendLine($"*{plot.Caption}*").AppendLine();
    }

    private static void Table(StringBuilder text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        text.AppendLine(Row(header));
        text.AppendLine(Row(header.Select(_ => "---").ToList()));
        foreach (var row in rows)
            text.AppendLine(Row(row));
    }

    private static string Row(IReadOnlyList<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|"))) + " |";
}
