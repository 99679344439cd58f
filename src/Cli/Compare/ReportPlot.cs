namespace ProbDsl.Cli.Compare;

/// <summary>One figure of the report: a PNG file in <c>DIR/plots/</c>, embedded in the HTML report.</summary>
internal sealed record ReportPlot(string FileName, string Caption, byte[] Png);
