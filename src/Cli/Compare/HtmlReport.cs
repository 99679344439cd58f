using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;

namespace ProbDsl.Cli.Compare;

/// <summary><c>report.html</c>: the same content as report.md in one self-contained file, plots embedded as base64 PNG.</summary>
internal static class HtmlReport
{
    private const string Style =
        "body{font-family:sans-serif;max-width:1000px;margin:2em auto;line-height:1.45}" +
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}" +
        "th{background:#f4f4f4}figure{margin:1.5em 0}figcaption{font-style:italic;color:#444}code{background:#f4f4f4}";

    public static string Write(ComparisonResults results, IReadOnlyList<string> verdicts, IReadOnlyList<ReportPlot> plots)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>Comparison: {E(System.IO.Path.GetFileName(results.Manifest.File))}</title><style>{Style}</style></head><body>\n");
        var heading = ReportText.Heading(results).Where(line => line.Length > 0).ToList();
        html.Append($"<h1>{E(heading[0].TrimStart('#', ' '))}</h1>\n");
        foreach (var paragraph in heading.Skip(1))
            html.Append($"<p>{Inline(paragraph)}</p>\n");
        html.Append("<h2>Variants</h2>\n");
        Table(html, ReportTables.VariantHeader, ReportTables.Variants(results));
        html.Append("<h2>Verdicts</h2>\n<ul>\n");
        foreach (var verdict in verdicts)
            html.Append($"<li>{E(verdict)}</li>\n");
        html.Append($"</ul>\n<p>{Inline(Verdicts.Rule)}</p>\n<h2>Plots</h2>\n");
        Plots(html, plots, ReportSection.Training);
        html.Append($"<h2>Gradient variance</h2>\n<p>{Inline(ReportText.GradientVariance)}</p>\n");
        Table(html, ReportTables.GradientHeader, ReportTables.Gradient(results));
        Plots(html, plots, ReportSection.GradientVariance);
        html.Append($"<h2>Latent space and classifiers</h2>\n<p>{Inline(ReportText.LatentSpace)}</p>\n");
        Table(html, ReportTables.LatentHeader, ReportTables.Latent(results));
        Plots(html, plots, ReportSection.LatentSpace);
        html.Append($"<h2>Class-conditional samples</h2>\n<p>{Inline(ReportText.Samples)}</p>\n");
        Plots(html, plots, ReportSection.Samples);
        foreach (var missing in LatentPlots.MissingSamples(results))
            html.Append($"<p>{Inline(missing)}</p>\n");
        html.Append("<h2>Runs</h2>\n");
        Table(html, ReportTables.RunHeader, ReportTables.Runs(results, results.Manifest.Epochs));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Plots(StringBuilder html, IReadOnlyList<ReportPlot> plots, ReportSection section)
    {
        foreach (var plot in plots.Where(p => p.Section == section))
            html.Append($"<figure><img alt=\"{E(plot.Caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(plot.Png)}\"><figcaption>{E(plot.Caption)}</figcaption></figure>\n");
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<table><tr>").Append(string.Concat(header.Select(h => $"<th>{E(h)}</th>"))).Append("</tr>\n");
        foreach (var row in rows)
            html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{E(c)}</td>"))).Append("</tr>\n");
        html.Append("</table>\n");
    }

    /// <summary>The little Markdown the shared prose uses: `code` and *emphasis*.</summary>
    private static string Inline(string text)
    {
        var escaped = E(text);
        escaped = System.Text.RegularExpressions.Regex.Replace(escaped, "`([^`]*)`", "<code>$1</code>");
        return System.Text.RegularExpressions.Regex.Replace(escaped, @"\*([^*]+)\*", "<em>$1</em>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
