using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// Maps positions in a string literal's value to positions in the C# file. A multi-line raw string drops its
/// first and last lines and the closing delimiter's indentation from every line, so value line k, column c is file
/// line (opening line + 1 + k), column (indentation + c). A single-line raw string, or a plain or verbatim string
/// without escapes, is its value shifted by the opening quotes. Anything else (escapes, a const defined elsewhere,
/// a raw string whose value has fewer lines than the literal) cannot be mapped character by character and is
/// reported at the whole argument.
/// </summary>
internal abstract class InlineTextMap
{
    public abstract SourceSpan ToCSharp(SourceSpan inText);

    public static InlineTextMap For(ExpressionSyntax? argument, SyntaxNode attribute)
    {
        var whole = new Whole(CSharpSpans.Of(argument ?? attribute));
        if (argument is not LiteralExpressionSyntax { Token: var token })
            return whole;
        var source = token.SyntaxTree!.GetText();
        var tokenText = token.Text;
        if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
        {
            // A lone \r, then a whitespace-only line (emptied in the value), then \n: the value reads one \r\n
            // where the file has two line ends, and line k of the value is no longer line k of the literal.
            if (SourceText.From(token.ValueText).Lines.Count != SourceText.From(tokenText).Lines.Count - 2)
                return whole;
            var lastLine = tokenText.Substring(tokenText.LastIndexOf('\n') + 1);
            var indentation = lastLine.Length - lastLine.TrimStart(' ', '\t').Length;
            return new Lines(token.SyntaxTree, source, source.Lines.GetLineFromPosition(token.SpanStart).LineNumber + 1, indentation);
        }
        var opening = token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) ? tokenText.TakeWhile(c => c == '"').Count()
            : tokenText.StartsWith("@\"", StringComparison.Ordinal) ? 2 : 1;
        var closing = token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) ? opening : 1;
        var verbatimValue = tokenText.Length >= opening + closing ? tokenText.Substring(opening, tokenText.Length - opening - closing) : null;
        return verbatimValue == token.ValueText ? new Shifted(token.SyntaxTree, token.SpanStart + opening) : whole;
    }

    /// <summary>The value is a contiguous stretch of the file: offsets carry over.</summary>
    private sealed class Shifted : InlineTextMap
    {
        private readonly SyntaxTree _tree;
        private readonly int _start;

        public Shifted(SyntaxTree tree, int start) => (_tree, _start) = (tree, start);

        public override SourceSpan ToCSharp(SourceSpan inText) =>
            CSharpSpans.Of(_tree, new TextSpan(_start + inText.Offset, inText.Length));
    }

    /// <summary>A multi-line raw string: lines carry over, columns move by the removed indentation.</summary>
    private sealed class Lines : InlineTextMap
    {
        private readonly SyntaxTree _tree;
        private readonly SourceText _source;
        private readonly int _firstLine;
        private readonly int _indentation;

        public Lines(SyntaxTree tree, SourceText source, int firstLine, int indentation) =>
            (_tree, _source, _firstLine, _indentation) = (tree, source, firstLine, indentation);

        public override SourceSpan ToCSharp(SourceSpan inText)
        {
            var start = Position(inText.StartLine, inText.StartColumn);
            var end = Position(inText.EndLine, inText.EndColumn);
            return CSharpSpans.Of(_tree, TextSpan.FromBounds(start, Math.Max(start, end)));
        }

        /// <summary>1-based line and column of the value → offset in the file.</summary>
        private int Position(int line, int column)
        {
            var fileLine = _source.Lines[Math.Min(_firstLine + line - 1, _source.Lines.Count - 1)];
            return Math.Min(fileLine.Start + _indentation + column - 1, fileLine.End);
        }
    }

    /// <summary>Positions inside the value cannot be recovered: the whole argument.</summary>
    private sealed class Whole : InlineTextMap
    {
        private readonly SourceSpan _argument;

        public Whole(SourceSpan argument) => _argument = argument;

        public override SourceSpan ToCSharp(SourceSpan inText) => _argument;
    }
}
