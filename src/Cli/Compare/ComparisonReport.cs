using System.IO;

namespace ProbDsl.Cli.Compare;

/// <summary>Writes <c>report.md</c>, <c>report.html</c> and <c>plots/*.png</c> for a comparison directory, finished or not.</summary>
internal static class ComparisonReport
{
    public const string PlotsFolder = "plots";

    public static (string Markdown, string Html) Write(string directory)
    {
        var results = ComparisonResults.Read(directory);
        var verdicts = Verdicts.For(results);
        var plots = ReportPlots.For(results);
        var plotsDirectory = Path.Combine(directory, PlotsFolder);
        Directory.CreateDirectory(plotsDirectory);
        foreach (var plot in plots)
            File.WriteAllBytes(Path.Combine(plotsDirectory, plot.FileName), plot.Png);
        var markdown = Path.Combine(directory, "report.md");
        var html = Path.Combine(directory, "report.html");
        File.WriteAllText(markdown, MarkdownReport.Write(results, verdicts, plots, PlotsFolder));
        File.WriteAllText(html, HtmlReport.Write(results, verdicts, plots));
        return (markdown, html);
    }
}
