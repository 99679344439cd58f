using System;
using System.Collections.Immutable;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler;

/// <summary>
/// The whole compiler as one pure function: .pdsl text → parse → check → plan → emit (or, for the fluent form,
/// IR → check → plan → emit), the stages of <see cref="ProbDslCompiler"/>. The Roslyn generator and the CLI both
/// call this, so they compile exactly the same code. Never throws: an internal failure becomes PDSL0999.
/// <c>options</c> defaults to <see cref="GenerationOptions.Default"/> (hoisting on).
/// </summary>
public static class ProbDslCodeGenerator
{
    public static (ImmutableArray<GeneratedSource> Sources, ImmutableArray<DslDiagnostic> Diagnostics) Generate(
        string text, string filePath, GenerationOptions? options = null) =>
        Guarded(filePath, () => ProbDslCompiler.Check(ProbDslCompiler.Parse(text, filePath)), options);

    /// <summary>A parsed file: check, plan, emit.</summary>
    public static (ImmutableArray<GeneratedSource> Sources, ImmutableArray<DslDiagnostic> Diagnostics) Generate(
        ParsedFile parsed, GenerationOptions? options = null) =>
        Guarded(parsed.Path, () => ProbDslCompiler.Check(parsed), options);

    /// <summary>The back end alone, for IR from another front end (the fluent API), with the diagnostics found while building it.</summary>
    public static (ImmutableArray<GeneratedSource> Sources, ImmutableArray<DslDiagnostic> Diagnostics) Generate(
        ProgramIr program, string filePath, ImmutableArray<DslDiagnostic> earlier, GenerationOptions? options = null) =>
        Guarded(filePath, () => ProbDslCompiler.Check(program, filePath, earlier), options);

    /// <summary>Checked input to C#: plan, then emit.</summary>
    public static (ImmutableArray<GeneratedSource> Sources, ImmutableArray<DslDiagnostic> Diagnostics) Generate(
        CheckedFile checkedFile, GenerationOptions? options = null) =>
        Guarded(checkedFile.Path, () => checkedFile, options);

    /// <summary>
    /// Check (when <paramref name="check"/> does), plan and emit, keeping the plan for whoever prints it (the CLI);
    /// the plan is null when a stage failed inside the compiler (PDSL0999).
    /// </summary>
    public static (CompilationPlan? Plan, EmittedFile Emitted) Run(string filePath, Func<CheckedFile> check, GenerationOptions? options = null)
    {
        try
        {
            var plan = ProbDslCompiler.Plan(check(), options);
            return (plan, ProbDslCompiler.Emit(plan));
        }
        catch (Exception e)
        {
            var error = DiagnosticDescriptors.InternalError.Create(filePath, SourceSpan.None, $"{e.GetType().Name}: {e.Message}");
            return (null, new EmittedFile(filePath, ImmutableArray<GeneratedSource>.Empty, ImmutableArray.Create(error)));
        }
    }

    private static (ImmutableArray<GeneratedSource>, ImmutableArray<DslDiagnostic>) Guarded(
        string filePath, Func<CheckedFile> check, GenerationOptions? options)
    {
        var (_, emitted) = Run(filePath, check, options);
        return (emitted.Sources, emitted.Diagnostics);
    }
}
