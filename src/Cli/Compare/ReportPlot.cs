namespace ProbDsl.Cli.Compare;

/// <summary>One figure of the report: a PNG file in <c>DIR/plots/</c>, embedded in the HTML report, shown in its <paramref name="Section"/>.</summary>
internal sealed record ReportPlot(string FileName, string Caption, byte[] Png, ReportSection Section = ReportSection.Training);

/// <summary>The report's sections that hold figures, in the order they appear.</summary>
internal enum ReportSection
{
    Training,
    GradientVariance,
    LatentSpace,
    Samples,
}
