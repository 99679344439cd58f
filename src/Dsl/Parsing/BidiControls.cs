using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Parsing;

/// <summary>
/// Finds bidirectional control characters anywhere in a file, comments included: they make an editor display
/// text in another order than the compiler reads it, which hides code in plain sight (Boucher and Anderson,
/// "Trojan Source", CVE-2021-42574). The grammar never needs them, so each is a located warning.
/// </summary>
internal static class BidiControls
{
    /// <summary>A hostile file may hold thousands; the last warning reported says how many more there are.</summary>
    private const int MaxReported = 20;

    public static IReadOnlyList<DslDiagnostic> Find(string text, string filePath)
    {
        var found = Positions(text).ToList();
        var reported = found.Take(MaxReported).ToList();
        return reported.Select((at, i) => DiagnosticDescriptors.BidiControlCharacter.Create(filePath, at.Span, Describe(at.Character),
                i == reported.Count - 1 && found.Count > reported.Count ? $", and {found.Count - reported.Count} more after it in this file" : ""))
            .ToList();
    }

    /// <summary>Each bidi control with its span; lines and columns counted like every other diagnostic's (<see cref="LinePositions"/>).</summary>
    private static IEnumerable<(char Character, SourceSpan Span)> Positions(string text)
    {
        for (var offset = 0; offset < text.Length; offset++)
            if (ControlCharacters.IsBidiControl(text[offset]))
                yield return (text[offset], LinePositions.Of(text).Span(offset, 1));
    }

    private static string Describe(char c) => $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} ({Name(c)})";

    private static string Name(char c) => c switch
    {
        '\u202A' => "LEFT-TO-RIGHT EMBEDDING",
        '\u202B' => "RIGHT-TO-LEFT EMBEDDING",
        '\u202C' => "POP DIRECTIONAL FORMATTING",
        '\u202D' => "LEFT-TO-RIGHT OVERRIDE",
        '\u202E' => "RIGHT-TO-LEFT OVERRIDE",
        '\u2066' => "LEFT-TO-RIGHT ISOLATE",
        '\u2067' => "RIGHT-TO-LEFT ISOLATE",
        '\u2068' => "FIRST STRONG ISOLATE",
        _ => "POP DIRECTIONAL ISOLATE",
    };
}
