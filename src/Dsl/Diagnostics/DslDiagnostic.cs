using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Diagnostics;

public enum DslSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A diagnostic as data: catalogue ID, severity, message, and where (file path and span).
/// Value equality includes the location, unlike IR nodes.
/// </summary>
public sealed record DslDiagnostic(string Id, DslSeverity Severity, string Message, string FilePath, SourceSpan Span)
{
    public bool IsError => Severity == DslSeverity.Error;

    /// <summary>Rendered the way compilers print: <c>m2.pdsl(12,5): error PDSL0103: ...</c>.</summary>
    public override string ToString() =>
        $"{FilePath}({Span.StartLine},{Span.StartColumn}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
