using System.IO;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Cli.Compiling;

/// <summary>
/// Diagnostics printed the way the build prints them (<c>m2.pdsl(12,5): error PDSL0103: …</c>): the generator hands
/// them to Roslyn, which writes severity in lower case, puts a diagnostic without a location at (1,1) and (through
/// the generator's adapter) escapes control characters in the message. This does the same for the command line.
/// </summary>
internal static class BuildDiagnostics
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
        return $"{diagnostic.FilePath}({line},{column}): {severity} {diagnostic.Id}: {ControlCharacters.Escape(diagnostic.Message)}";
    }

    public static void WriteAll(CompiledFile file, TextWriter output)
    {
        foreach (var diagnostic in file.Diagnostics)
            output.WriteLine(Format(diagnostic));
    }
}
