using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProbDsl.Compiler;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// <c>[ProbModel("""model M { ... }""")]</c>: the text compiles exactly like a .pdsl file, then each diagnostic is
/// moved from its line and column in the text to the same character inside the C# string literal.
/// </summary>
internal static class InlinePdsl
{
    public static AttributedModel Compile(string text, ExpressionSyntax? literal, SyntaxNode attribute, string path, string hintPrefix)
    {
        var parsed = ProbDslCompiler.Parse(text, path);
        var (sources, diagnostics) = ProbDslCodeGenerator.Generate(parsed);
        var map = InlineTextMap.For(literal, attribute);
        var declared = parsed.Program?.Models.Select(m => new ModelName(m.Name, map.ToCSharp(m.Meta.Span))) ?? Enumerable.Empty<ModelName>();
        return new AttributedModel(path, null,
            sources.Select(s => s with { HintName = hintPrefix + s.HintName }).ToEquatableArray(),
            diagnostics.Select(d => d with { Span = map.ToCSharp(d.Span) }).ToEquatableArray())
        {
            Declared = declared.ToEquatableArray(),
        };
    }
}
