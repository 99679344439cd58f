using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;
using ProbDsl.Compiler.Emit;
using ProbDsl.Compiler.Planning;

namespace ProbDsl.Compiler;

/// <summary>One generated C# file.</summary>
public sealed record GeneratedSource(string HintName, string Text);

/// <summary>
/// The whole compiler as one pure function: .pdsl text → parse → validate → plan → emit (or, for the fluent form,
/// validated IR → plan → emit). The Roslyn generator and the CLI both call this, so they compile exactly the same
/// code. Never throws: an internal failure becomes PDSL0999. <c>options</c> defaults to
/// <see cref="GenerationOptions.Default"/> (hoisting on).
/// </summary>
public static class ProbDslCodeGenerator
{
    public static (ImmutableArray<GeneratedSource> Sources, ImmutableArray<DslDiagnostic> Diagnostics) Generate(
        string text, string filePath, GenerationOptions? options = null) =>
        Guarded(filePath, () => Emit(PdslCompiler.Compile(text, filePath), filePath, options ?? GenerationOptions.Default));

    /// <summary>The back end alone, for IR from another front end (the fluent API), already validated by PdslCompiler.Validate.</summary>
    public static (ImmutableArray<GeneratedSource> Sources, ImmutableArray<DslDiagnostic> Diagnostics) Generate(
        DslResult<ProgramIr> compiled, string filePath, GenerationOptions? options = null) =>
        Guarded(filePath, () => Emit(compiled, filePath, options ?? GenerationOptions.Default));

    private static (ImmutableArray<GeneratedSource>, ImmutableArray<DslDiagnostic>) Emit(
        DslResult<ProgramIr> compiled, string filePath, GenerationOptions options)
    {
        if (!compiled.Succeeded)
            return (ImmutableArray<GeneratedSource>.Empty, compiled.Diagnostics);
        var diagnostics = compiled.Diagnostics.ToList();
        var sources = compiled.Value!.Models
            .Select(model => EmitModel(model, filePath, options, diagnostics))
            .Where(s => s is not null).Select(s => s!).ToImmutableArray();
        // A limitation of the model is found once per guide; report each distinct message once.
        var distinct = diagnostics.GroupBy(d => (d.Id, d.Message)).Select(g => g.First()).ToImmutableArray();
        return distinct.Any(d => d.IsError)
            ? (ImmutableArray<GeneratedSource>.Empty, distinct)
            : (sources, distinct);
    }

    private static (ImmutableArray<GeneratedSource>, ImmutableArray<DslDiagnostic>) Guarded(
        string filePath, Func<(ImmutableArray<GeneratedSource>, ImmutableArray<DslDiagnostic>)> generate)
    {
        try
        {
            return generate();
        }
        catch (Exception e)
        {
            var error = DiagnosticDescriptors.InternalError.Create(filePath, SourceSpan.None, $"{e.GetType().Name}: {e.Message}");
            return (ImmutableArray<GeneratedSource>.Empty, ImmutableArray.Create(error));
        }
    }

    private static GeneratedSource? EmitModel(ModelIr model, string filePath, GenerationOptions options, List<DslDiagnostic> diagnostics)
    {
        var plans = model.Guides.Select(g => GuidePlanner.Plan(model, g, filePath, diagnostics)).ToList();
        if (plans.Any(p => p is null))
            return null;
        var text = ModelEmitter.Emit(model, plans.Select(p => p!).ToList(), filePath, options);
        return new GeneratedSource($"{Names.Pascal(model.Name)}.g.cs", text);
    }
}
