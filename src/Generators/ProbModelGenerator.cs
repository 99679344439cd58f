using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Compiler;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators;

/// <summary>
/// Compiles every <c>*.pdsl</c> AdditionalFile to typed TorchSharp code at build time. The pipeline carries only
/// equatable values (paths, text, options, generated sources, diagnostics as data), so unchanged files are not
/// recompiled; only the last step sees all files at once, to find model names that collide across them. Per-file
/// options come from the item's metadata (see <see cref="GenerationOptions"/> and <see cref="LimitsOption"/>); the
/// build makes it visible with <c>CompilerVisibleItemMetadata</c> (Directory.Build.props).
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

        context.RegisterSourceOutput(results.Collect(), static (output, all) => Report(output, all));
    }

    private static PdslFile Read(AdditionalText file, AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellation)
    {
        var metadata = options.GetOptions(file);
        metadata.TryGetValue(GenerationOptions.HoistingMetadata, out var hoisting);
        metadata.TryGetValue(LimitsOption.Metadata, out var limitsValue);
        var (parsed, hoistingProblem) = GenerationOptions.FromMetadata(hoisting, file.Path);
        var (limits, limitsProblem) = LimitsOption.FromMetadata(limitsValue, file.Path);
        var problems = new[] { hoistingProblem, limitsProblem }.Where(p => p is not null).Select(p => p!).ToEquatableArray();
        return new PdslFile(file.Path, file.GetText(cancellation)?.ToString() ?? "", parsed, limits, problems);
    }

    private static CompilationResult Compile(PdslFile file)
    {
        if (file.OptionProblems.Count > 0)
            return new CompilationResult(file.Path, EquatableArray<GeneratedSource>.Empty, file.OptionProblems, EquatableArray<DeclaredModel>.Empty);
        ParsedFile parsed;
        try
        {
            parsed = ProbDslCompiler.Parse(file.Text, file.Path);
        }
        catch (Exception e)
        {
            // The front end never throws on any input (fuzzed); if it ever does, the user gets PDSL0999, not a crash.
            var error = DiagnosticDescriptors.InternalError.Create(file.Path, SourceSpan.None, $"{e.GetType().Name}: {e.Message}");
            return new CompilationResult(file.Path, EquatableArray<GeneratedSource>.Empty, EquatableArray.Create(error), EquatableArray<DeclaredModel>.Empty);
        }
        var (sources, diagnostics) = ProbDslCodeGenerator.Generate(parsed, file.Options);
        var models = parsed.Program?.Models.Select(m => DeclaredModel.Of(m, file.Path)) ?? Enumerable.Empty<DeclaredModel>();
        return new CompilationResult(file.Path, sources.ToEquatableArray(),
            LimitsOption.Apply(file.Limits, diagnostics).ToEquatableArray(), models.ToEquatableArray());
    }

    private static void Report(SourceProductionContext output, ImmutableArray<CompilationResult> results)
    {
        var omitted = new HashSet<string>(ModelNameCollisions.HintComparer);
        var collisions = ModelNameCollisions.Find(results.SelectMany(r => r.Models), omitted);
        foreach (var diagnostic in results.SelectMany(r => r.Diagnostics).Concat(collisions))
            output.ReportDiagnostic(RoslynDiagnostics.From(diagnostic));
        // A hint name already added belongs to a collision reported above; adding it again would crash the generator.
        // A model whose types collide with another file's is left out too (its classes would not compile, CS0101).
        var added = new HashSet<string>(omitted, ModelNameCollisions.HintComparer);
        foreach (var source in results.SelectMany(r => r.Sources).Where(s => added.Add(s.HintName)))
            output.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
    }
}

/// <summary>A .pdsl file as the pipeline sees it: its text and the options its item metadata sets.</summary>
internal sealed record PdslFile(string Path, string Text, GenerationOptions Options, bool Limits, EquatableArray<DslDiagnostic> OptionProblems);

/// <summary>Everything one file produces, as equatable data, with the models it declares (for cross-file checks).</summary>
internal sealed record CompilationResult(
    string Path, EquatableArray<GeneratedSource> Sources, EquatableArray<DslDiagnostic> Diagnostics, EquatableArray<DeclaredModel> Models);

/// <summary>Names of the pipeline steps, for incremental-cache tests.</summary>
public static class StepNames
{
    public const string ReadFile = "ReadPdslFile";
    public const string Compile = "CompilePdsl";
}
