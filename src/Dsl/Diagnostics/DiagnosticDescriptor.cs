using System.Globalization;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Diagnostics;

/// <summary>A catalogue entry: an ID, a severity and a message format that states the rule and the fix.</summary>
public sealed record DiagnosticDescriptor(string Id, string Title, DslSeverity Severity, string MessageFormat)
{
    /// <summary>
    /// The diagnostic at <paramref name="span"/>. Text arguments come from the user's file, so their control and
    /// format characters are escaped (<see cref="ControlCharacters"/>).
    /// </summary>
    public DslDiagnostic Create(string filePath, SourceSpan span, params object[] args) =>
        new(Id, Severity, string.Format(CultureInfo.InvariantCulture, MessageFormat, args.Select(Escaped).ToArray()), filePath, span);

    private static object Escaped(object argument) => argument is string text ? ControlCharacters.Escape(text) : argument;
}
