using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Generators;

/// <summary>
/// Turns our diagnostics into Roslyn's, with a location in the .pdsl file (Roslyn lines and columns are 0-based).
/// Messages are escaped once more here (<see cref="ControlCharacters"/>): whatever built a diagnostic, a NUL or a
/// bidi override from a hostile file never reaches the build log or the IDE raw.
/// </summary>
internal static class RoslynDiagnostics
{
    public static Diagnostic From(DslDiagnostic diagnostic)
    {
        var descriptor = new Microsoft.CodeAnalysis.DiagnosticDescriptor(
            diagnostic.Id,
            diagnostic.Id,
            "{0}",
            "ProbDsl",
            diagnostic.Severity switch
            {
                DslSeverity.Error => DiagnosticSeverity.Error,
                DslSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            },
            isEnabledByDefault: true);
        return Diagnostic.Create(descriptor, LocationOf(diagnostic), ControlCharacters.Escape(diagnostic.Message));
    }

    private static Location LocationOf(DslDiagnostic diagnostic)
    {
        var span = diagnostic.Span;
        if (span.IsNone)
            return Location.Create(diagnostic.FilePath, new TextSpan(0, 0), new LinePositionSpan(default, default));
        var lines = new LinePositionSpan(
            new LinePosition(span.StartLine - 1, span.StartColumn - 1),
            new LinePosition(span.EndLine - 1, span.EndColumn - 1));
        return Location.Create(diagnostic.FilePath, new TextSpan(span.Offset, span.Length), lines);
    }
}
