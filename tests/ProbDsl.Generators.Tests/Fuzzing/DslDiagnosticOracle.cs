using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// The compiler's own diagnostics for one text, before Roslyn sees them: no internal error, and every error has a
/// position (not SourceSpan.None), inside the text, whose line and column are those Roslyn computes for its offset
/// (Roslyn trusts both; a mismatch puts the build log and the IDE squiggle on different lines).
/// </summary>
internal static class DslDiagnosticOracle
{
    public static IEnumerable<Finding> Check(IEnumerable<DslDiagnostic> diagnostics, string text)
    {
        SourceText? source = null;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "PDSL0999")
            {
                yield return new Finding("internal error", diagnostic.Message);
                continue;
            }
            if (!diagnostic.IsError)
                continue;
            var span = diagnostic.Span;
            if (span.IsNone)
            {
                yield return new Finding("unlocated error", $"{diagnostic.Id} has no position: {diagnostic.Message}");
                continue;
            }
            if (span.Offset < 0 || span.Length < 0 || span.Offset + span.Length > text.Length)
            {
                yield return new Finding("mislocated error", $"{diagnostic.Id} at offset {span.Offset}+{span.Length} outside the text ({text.Length})");
                continue;
            }
            source ??= SourceText.From(text);
            var lines = source.Lines.GetLinePositionSpan(new TextSpan(span.Offset, span.Length));
            var claimed = (span.StartLine - 1, span.StartColumn - 1, span.EndLine - 1, span.EndColumn - 1);
            var actual = (lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
            if (claimed != actual)
                yield return new Finding("mislocated error", $"{diagnostic.Id} says {span} but its offsets are at ({lines.Start.Line + 1},{lines.Start.Character + 1})-({lines.End.Line + 1},{lines.End.Character + 1})");
        }
    }
}
