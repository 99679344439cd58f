using System;
using System.Collections.Generic;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Parsing;

/// <summary>
/// Lines and columns of offsets in a text, with lines ended as Roslyn ends them: \r\n, \r, \n, U+0085, U+2028 or
/// U+2029. Roslyn shows our diagnostics and keeps both the offset and the line and column we give it; Sprache counts
/// only \n, so a file with old Mac line ends (\r) or a U+2028 had its errors printed on another line than the
/// offset the IDE marks. Columns count UTF-16 characters from 1, as Roslyn's do (from 0).
/// </summary>
internal sealed class LinePositions
{
    /// <summary>The parser asks for every token of one text in turn: the map of the last text is kept per thread.</summary>
    [ThreadStatic]
    private static LinePositions? _last;

    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };

    private LinePositions(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                continue; // \r\n ends the line at the \n
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
                _lineStarts.Add(i + 1);
        }
    }

    public static LinePositions Of(string text)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last._text, text))
            return last;
        return _last = new LinePositions(text);
    }

    public SourceSpan Span(int offset, int length)
    {
        var (startLine, startColumn) = At(offset);
        var (endLine, endColumn) = At(offset + length);
        return new SourceSpan(offset, length, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>1-based line and column of an offset (the end of the text included).</summary>
    private (int Line, int Column) At(int offset)
    {
        var index = _lineStarts.BinarySearch(Math.Min(Math.Max(offset, 0), _text.Length));
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }
}
