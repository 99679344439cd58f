using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Inline text must compile exactly as the same text in a file: the same diagnostics and the same generated code.
/// Each diagnostic must lie inside the attribute's argument, and where the literal maps character by character
/// (<see cref="InlineLiteral.Exact"/>), start at the very character the file's diagnostic starts at.
/// </summary>
internal static class InlineOracle
{
    public static IEnumerable<Finding> Check(InlineLiteral literal, FuzzBuild build)
    {
        var tree = build.Trees.Single();
        if (!literal.Constant || tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            yield break;
        var argument = tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>().Single(a => a.Name.ToString() == "ProbModel").ArgumentList!.Arguments[0].Expression;
        var value = argument is LiteralExpressionSyntax { Token: var token } ? token.ValueText : literal.Value;
        var (fileSources, fileDiagnostics) = ProbDslCodeGenerator.Generate(value, tree.FilePath);

        var inline = build.Run.Diagnostics.Where(d => d.Id.StartsWith("PDSL")).OrderBy(d => d.Id).ThenBy(d => d.Location.SourceSpan.Start).ToList();
        var file = fileDiagnostics.OrderBy(d => d.Id).ThenBy(d => d.Span.Offset).ToList();
        if (!inline.Select(d => d.Id).SequenceEqual(file.Select(d => d.Id)))
        {
            yield return new Finding("inline differs from file", "other diagnostics", $"inline [{string.Join(", ", inline.Select(d => d.Id))}], file [{string.Join(", ", file.Select(d => d.Id))}]");
            yield break;
        }
        foreach (var (reported, expected) in inline.Zip(file))
            if (Misplaced(reported, expected, argument, value, literal.Exact) is { } why)
                yield return new Finding("inline diagnostic misplaced", $"{reported.Id} {why}");

        var generated = build.Run.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()).OrderBy(t => t);
        if (!generated.SequenceEqual(fileSources.Select(s => s.Text).OrderBy(t => t)))
            yield return new Finding("inline differs from file", "the generated code differs from the file's");
    }

    private static string? Misplaced(Diagnostic reported, DslDiagnostic expected, ExpressionSyntax argument, string value, bool exact)
    {
        var span = reported.Location.SourceSpan;
        if (!argument.Span.Contains(span) && !(span.IsEmpty && span.Start == argument.Span.End))
            return $"at {span}, outside the argument {argument.Span}";
        if (!exact || expected.Span.IsNone || expected.Span.Length == 0 || expected.Span.Offset >= value.Length)
            return null;
        var source = argument.SyntaxTree.GetText();
        var at = span.Start < source.Length ? source[span.Start] : '\0';
        var want = value[expected.Span.Offset];
        return at == want ? null
            : $"starts at '{Show(at)}' (line {reported.Location.GetLineSpan().StartLinePosition.Line + 1}) but the file's diagnostic starts at '{Show(want)}' ({expected.Span})";
    }

    private static string Show(char c) => char.IsControl(c) || c > 0x2000 ? $"\\u{(int)c:X4}" : c.ToString();
}
