using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Fluent;

/// <summary>C# positions as the IR's SourceSpan: 1-based lines and columns (Roslyn's are 0-based), 0-based offsets.</summary>
internal static class CSharpSpans
{
    public static SourceSpan Of(SyntaxTree tree, TextSpan span)
    {
        var lines = tree.GetLineSpan(span);
        return new SourceSpan(span.Start, span.Length,
            lines.StartLinePosition.Line + 1, lines.StartLinePosition.Character + 1,
            lines.EndLinePosition.Line + 1, lines.EndLinePosition.Character + 1);
    }

    public static SourceSpan Of(SyntaxNode node) => Of(node.SyntaxTree, node.Span);

    /// <summary>
    /// A chained call is located from its method name to its closing parenthesis (<c>Data("x", ...)</c>), not from the
    /// start of the whole chain before it.
    /// </summary>
    public static SourceSpan OfCall(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax member
            ? Of(call.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, call.Span.End))
            : Of(call);
}
