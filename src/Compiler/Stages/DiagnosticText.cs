using System.Globalization;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Compiler;

/// <summary>
/// A diagnostic printed the way the build prints it (<c>m2.pdsl(12,5): error PDSL0103: …</c>): the generator hands
/// diagnostics to Roslyn, which writes severity in lower case, puts one without a location at (1,1) and (through the
/// generator's adapter) escapes control characters in the message. The stages' printed forms and the command line use
/// this one form.
/// </summary>
public static class DiagnosticText
{
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
