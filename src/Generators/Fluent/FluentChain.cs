using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProbDsl.Compiler;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Fluent;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Fluent;

/// <summary>A <c>[ProbModel]</c> method's returned chain → IR (run on its literals) → the shared back end.</summary>
internal static class FluentChain
{
    public static AttributedModel Compile(MethodDeclarationSyntax method, SemanticModel semantics, string path, string hintPrefix, CancellationToken cancellation)
    {
        var returned = ReturnedExpression(method);
        if (returned is null)
            return AttributedModelCompiler.Failure(path, DiagnosticDescriptors.NotAFluentModel.Create(path, CSharpSpans.Of(method.SyntaxTree, method.Identifier.Span),
                method.Identifier.Text, "the method must return the chain as its only statement: '=> Model.Define(\"M\")...'"));

        var interpreter = new ChainInterpreter(semantics, path, cancellation);
        var chain = semantics.GetOperation(returned, cancellation);
        var value = chain is null ? null : interpreter.Run(chain);
        if (value is not ModelBuilder builder)
        {
            var diagnostics = interpreter.Diagnostics.Count > 0 ? interpreter.Diagnostics.ToImmutableArray()
                : ImmutableArray.Create(DiagnosticDescriptors.NotAFluentModel.Create(path, CSharpSpans.Of(returned), method.Identifier.Text,
                    "the method must return a ModelBuilder made by Model.Define(...)"));
            return new AttributedModel(path, null, EquatableArray<GeneratedSource>.Empty, diagnostics.ToEquatableArray());
        }

        var (model, declared) = builder.Declare(path);
        var program = new ProgramIr(EquatableArray.Create(model));
        var (sources, generated) = ProbDslCodeGenerator.Generate(program, path, declared);
        return new AttributedModel(path, program,
            sources.Select(s => s with { HintName = hintPrefix + s.HintName }).ToEquatableArray(),
            AttributedModelCompiler.LocatedAt(generated, CSharpSpans.Of(returned)))
        {
            // Model.Define stamps the model with its own call's span; a chain that lost it is located at the chain.
            Declared = EquatableArray.Create(new ModelName(model.Name, model.Meta.Span.IsNone ? CSharpSpans.Of(returned) : model.Meta.Span)),
        };
    }

    /// <summary><c>=> chain</c> or <c>{ return chain; }</c>.</summary>
    private static ExpressionSyntax? ReturnedExpression(MethodDeclarationSyntax method) =>
        method.ExpressionBody?.Expression
        ?? (method.Body?.Statements is { Count: 1 } statements && statements[0] is ReturnStatementSyntax { Expression: { } expression } ? expression : null);
}
