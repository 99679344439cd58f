using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators;

/// <summary>
/// Compiles every <c>*.pdsl</c> AdditionalFile to typed TorchSharp code at build time. The pipeline carries only
/// equatable values (paths, text, generated sources, diagnostics as data), so unchanged files are not regenerated.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProbModelGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".pdsl", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellation) => new PdslFile(file.Path, file.GetText(cancellation)?.ToString() ?? ""))
            .WithTrackingName(StepNames.ReadFile)
            .Select(static (file, _) => Compile(file))
            .WithTrackingName(StepNames.Compile);

        context.RegisterSourceOutput(results, static (output, result) => Report(output, result));
    }

    private static CompilationResult Compile(PdslFile file)
    {
        var (sources, diagnostics) = ProbDslCodeGenerator.Generate(file.Text, file.Path);
        return new CompilationResult(file.Path, sources.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static void Report(SourceProductionContext output, CompilationResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
            output.ReportDiagnostic(RoslynDiagnostics.From(diagnostic));
        foreach (var source in result.Sources)
            output.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
    }
}

/// <summary>A .pdsl file as the pipeline sees it.</summary>
internal sealed record PdslFile(string Path, string Text);

/// <summary>Everything one file produces, as equatable data.</summary>
internal sealed record CompilationResult(string Path, EquatableArray<GeneratedSource> Sources, EquatableArray<DslDiagnostic> Diagnostics);

/// <summary>Names of the pipeline steps, for incremental-cache tests.</summary>
public static class StepNames
{
    public const string ReadFile = "ReadPdslFile";
    public const string Compile = "CompilePdsl";
}
