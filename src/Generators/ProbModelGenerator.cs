using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators;

/// <summary>
/// Compiles every <c>*.pdsl</c> AdditionalFile to typed TorchSharp code at build time. The pipeline carries only
/// equatable values (paths, text, options, generated sources, diagnostics as data), so unchanged files are not
/// regenerated. Per-file options come from the item's metadata (see <see cref="GenerationOptions"/>); the build
/// makes it visible with <c>CompilerVisibleItemMetadata</c> (Directory.Build.props).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProbModelGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".pdsl", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellation) => Read(pair.Left, pair.Right, cancellation))
            .WithTrackingName(StepNames.ReadFile)
            .Select(static (file, _) => Compile(file))
            .WithTrackingName(StepNames.Compile);

        context.RegisterSourceOutput(results, static (output, result) => Report(output, result));
    }

    private static PdslFile Read(AdditionalText file, AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellation)
    {
        options.GetOptions(file).TryGetValue(GenerationOptions.HoistingMetadata, out var hoisting);
        var (parsed, problem) = GenerationOptions.FromMetadata(hoisting, file.Path);
        return new PdslFile(file.Path, file.GetText(cancellation)?.ToString() ?? "", parsed, problem);
    }

    private static CompilationResult Compile(PdslFile file)
    {
        if (file.OptionProblem is not null)
            return new CompilationResult(file.Path, ImmutableArray<GeneratedSource>.Empty.ToEquatableArray(), ImmutableArray.Create(file.OptionProblem).ToEquatableArray());
        var (sources, diagnostics) = ProbDslCodeGenerator.Generate(file.Text, file.Path, file.Options);
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

/// <summary>A .pdsl file as the pipeline sees it: its text and the options its item metadata sets.</summary>
internal sealed record PdslFile(string Path, string Text, GenerationOptions Options, DslDiagnostic? OptionProblem);

/// <summary>Everything one file produces, as equatable data.</summary>
internal sealed record CompilationResult(string Path, EquatableArray<GeneratedSource> Sources, EquatableArray<DslDiagnostic> Diagnostics);

/// <summary>Names of the pipeline steps, for incremental-cache tests.</summary>
public static class StepNames
{
    public const string ReadFile = "ReadPdslFile";
    public const string Compile = "CompilePdsl";
}
