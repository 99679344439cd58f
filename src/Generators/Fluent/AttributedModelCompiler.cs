using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProbDsl.Compiler;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// One <c>[ProbModel]</c> target to an <see cref="AttributedModel"/>: inline text when the attribute has some, else
/// the fluent chain the method returns. Never throws: an internal failure becomes PDSL0999 at the attribute.
/// </summary>
internal static class AttributedModelCompiler
{
    public static AttributedModel Compile(GeneratorAttributeSyntaxContext target, CancellationToken cancellation)
    {
        var path = target.TargetNode.SyntaxTree.FilePath;
        var attribute = target.Attributes[0];
        var anchor = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) ?? target.TargetNode;
        try
        {
            var hintPrefix = HintPrefix(target.TargetSymbol);
            if (attribute.ConstructorArguments.FirstOrDefault().Value is string text)
                return InlinePdsl.Compile(text, TextArgument(anchor), anchor, path, hintPrefix);
            if (target.TargetNode is MethodDeclarationSyntax method)
                return FluentChain.Compile(method, target.SemanticModel, path, hintPrefix, cancellation);
            return Failure(path, DiagnosticDescriptors.NotAFluentModel.Create(path, CSharpSpans.Of(anchor), target.TargetSymbol.Name,
                "on a class or struct it needs the model text, e.g. [ProbModel(\"\"\" model M { ... } \"\"\")]; or mark a method returning Model.Define(...)"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug inside an API method arrives wrapped by reflection; the inner exception is the one worth reporting.
            var cause = e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
            return Failure(path, DiagnosticDescriptors.InternalError.Create(path, CSharpSpans.Of(anchor), $"{cause.GetType().Name}: {cause.Message}"));
        }
    }

    public static AttributedModel Failure(string path, DslDiagnostic diagnostic) =>
        new(path, null, EquatableArray<GeneratedSource>.Empty, EquatableArray.Create(diagnostic));

    /// <summary>Diagnostics without a position (e.g. an internal error) are shown at the target rather than at line 1.</summary>
    public static EquatableArray<DslDiagnostic> LocatedAt(ImmutableArray<DslDiagnostic> diagnostics, SourceSpan fallback) =>
        diagnostics.Select(d => d.Span.IsNone ? d with { Span = fallback } : d).ToEquatableArray();

    /// <summary>
    /// Generated files are named after the target, for the reader; they are unique because model names must be
    /// (TargetNameCollisions), not because of this prefix (overloads and classes in other namespaces share it). Hint
    /// names allow fewer characters than C# names (a method of invalid code sits in '&lt;invalid-global-code&gt;').
    /// </summary>
    private static string HintPrefix(ISymbol symbol) =>
        Sanitized(symbol.ContainingType is { } type ? $"{type.Name}.{symbol.Name}." : $"{symbol.Name}.");

    private static string Sanitized(string hint) =>
        new(hint.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray());

    private static ExpressionSyntax? TextArgument(SyntaxNode attribute) =>
        (attribute as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
}
