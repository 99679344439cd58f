using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Compiler;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// Compiles the models declared in C#: a <c>[ProbModel]</c> method returning a fluent chain, or <c>[ProbModel("""...""")]</c>
/// with inline .pdsl text. Each target goes through the same validate → plan → emit as a .pdsl file; the pipeline
/// carries only equatable values (IR, generated text, diagnostics as data), never syntax or symbols.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProbModelAttributeGenerator : IIncrementalGenerator
{
    public const string AttributeName = "ProbDsl.Dsl.Fluent.ProbModelAttribute";

    /// <summary>Name of the pipeline step, for incremental-cache tests and for reading its output in tests.</summary>
    public const string CompileStep = "CompileProbModelAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                static (node, _) => node is MethodDeclarationSyntax or TypeDeclarationSyntax,
                static (target, cancellation) => AttributedModelCompiler.Compile(target, cancellation))
            .WithTrackingName(CompileStep);
        var pdslModels = context.AdditionalTextsProvider
            .Where(static file => PdslModelNames.IsPdsl(file))
            .Select(static (file, cancellation) => PdslModelNames.Of(file, cancellation));

        // Only this last step sees every target at once (and the .pdsl files' model names), to find colliding names.
        context.RegisterSourceOutput(models.Collect().Combine(pdslModels.Collect()),
            static (output, all) => Report(output, all.Left, all.Right));
    }

    private static void Report(SourceProductionContext output, ImmutableArray<AttributedModel> targets, ImmutableArray<EquatableArray<DeclaredModel>> pdslModels)
    {
        var (collisions, leftOut) = TargetNameCollisions.Find(pdslModels.SelectMany(f => f), targets);
        foreach (var diagnostic in targets.SelectMany(t => t.Diagnostics).Concat(collisions))
            output.ReportDiagnostic(RoslynDiagnostics.From(diagnostic));
        // Hint names are unique once model names are; the set only makes sure a slip never crashes the generator.
        var added = new HashSet<string>(ModelNameCollisions.HintComparer);
        for (var target = 0; target < targets.Length; target++)
        {
            foreach (var source in targets[target].Sources)
            {
                if (leftOut[target].Any(name => source.HintName.EndsWith("." + name + ".g.cs", StringComparison.OrdinalIgnoreCase)) || !added.Add(source.HintName))
                    continue;
                output.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
            }
        }
    }
}
