using System.Globalization;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Diagnostics;

/// <summary>A catalogue entry: an ID, a severity and a message format that states the rule and the fix.</summary>
public sealed record DiagnosticDescriptor(string Id, string Title, DslSeverity Severity, string MessageFormat)
{
    public DslDiagnostic Create(string filePath, SourceSpan span, params object[] args) =>
        new(Id, Severity, string.Format(CultureInfo.InvariantCulture, MessageFormat, args), filePath, span);
}
