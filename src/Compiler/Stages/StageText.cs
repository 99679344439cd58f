using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Compiler;

/// <summary>What every stage's printed form starts with: its diagnostics, one per line, as the build prints them.</summary>
internal static class StageText
{
    public static string Diagnostics(IEnumerable<DslDiagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(d => Format(d) + "\n"));

    /// <summary><c>file(line,col): error PDSL0103: …</c>; a diagnostic without a position at (1,1), control characters escaped.</summary>
    public static string Format(DslDiagnostic diagnostic)
    {
        var (line, column) = diagnostic.Span.IsNone ? (1, 1) : (diagnostic.Span.StartLine, diagnostic.Span.StartColumn);
        var severity = diagnostic.Severity switch
        {
            DslSeverity.Error => "error",
            DslSeverity.Warning => "warning",
            _ => "info",
        };
        return string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}: {5}",
            diagnostic.FilePath, line, column, severity, diagnostic.Id, ControlCharacters.Escape(diagnostic.Message));
    }
}
