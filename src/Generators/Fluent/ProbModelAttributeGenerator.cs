using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

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

        context.RegisterSourceOutput(models, static (output, model) => Report(output, model));
    }

    private static void Report(SourceProductionContext output, AttributedModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
            output.ReportDiagnostic(RoslynDiagnostics.From(diagnostic));
        foreach (var source in model.Sources)
            output.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
    }
}
