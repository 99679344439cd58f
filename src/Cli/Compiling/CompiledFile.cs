using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ProbDsl.Compiler;
using ProbDsl.Compiler.Planning;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Cli.Compiling;

/// <summary>
/// A .pdsl file run through the compiler exactly as the build runs it: <see cref="ProbDslCompiler.Parse"/>, then
/// check, plan and emit through <see cref="ProbDslCodeGenerator.Run"/>, the calls the source generator makes. The
/// IR is kept for choosing a model and guide, and the plan for <c>probdsl plan</c>.
/// </summary>
internal sealed record CompiledFile(string Path, ProgramIr? Program, ImmutableArray<GeneratedSource> Sources, ImmutableArray<DslDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The plan the sources were written from; null when a stage failed inside the compiler.</summary>
    public CompilationPlan? Plan { get; init; }

    /// <param name="path">As the user wrote it: diagnostics name the file the same way.</param>
    public static CompiledFile Load(string path, bool hoisting)
    {
        var text = ReadText(path);
        ParsedFile parsed;
        try
        {
            parsed = ProbDslCompiler.Parse(text, path);
        }
        catch (Exception e)
        {
            // As in the source generator: the front end never throws on any input (fuzzed), but if it does, PDSL0999.
            var error = DiagnosticDescriptors.InternalError.Create(path, SourceSpan.None, $"{e.GetType().Name}: {e.Message}");
            return new CompiledFile(path, null, ImmutableArray<GeneratedSource>.Empty, ImmutableArray.Create(error));
        }
        return Compile(path, parsed.Program, () => ProbDslCompiler.Check(parsed), hoisting);
    }

    /// <summary>
    /// The file compiled again with <paramref name="model"/> in place of the model of that name (an --infer
    /// override), through the same check, plan and emit.
    /// </summary>
    public CompiledFile With(ModelIr model, bool hoisting)
    {
        var program = Program! with { Models = Program.Models.Select(m => m.Name == model.Name ? model : m).ToEquatableArray() };
        return Compile(Path, program, () => ProbDslCompiler.Check(program, Path, ImmutableArray<DslDiagnostic>.Empty), hoisting);
    }

    private static CompiledFile Compile(string path, ProgramIr? program, Func<CheckedFile> check, bool hoisting)
    {
        var (plan, emitted) = ProbDslCodeGenerator.Run(path, check, new GenerationOptions(Hoisting: hoisting));
        return new CompiledFile(path, program, emitted.Sources, emitted.Diagnostics) { Plan = plan };
    }

    private static string ReadText(string path)
    {
        if (Directory.Exists(path))
            throw new UserError($"{path} is a directory; give the path of a .pdsl file.");
        if (!File.Exists(path))
            throw new UserError($"{path}: no such file.");
        return File.ReadAllText(path);
    }

    /// <summary>The plan of one guide (the file compiled without errors).</summary>
    public GuidePlan PlanOf(ModelIr model, GuideIr guide) =>
        Plan!.Models.SelectMany(m => m.Guides).Single(g => g.Model.Name == model.Name && g.Guide.Name == guide.Name);

    /// <summary>The model named by --model, or the only one; a clear error listing the choices otherwise.</summary>
    public ModelIr SelectModel(string? name)
    {
        var models = Program?.Models ?? (System.Collections.Generic.IReadOnlyList<ModelIr>)Array.Empty<ModelIr>();
        if (name is not null)
            return models.FirstOrDefault(m => m.Name == name)
                ?? throw new UserError($"--model {name}: {Path} declares no such model; it declares {List(models.Select(m => m.Name))}.");
        return models.Count switch
        {
            0 => throw new UserError($"{Path} declares no model."),
            1 => models[0],
            _ => throw new UserError($"{Path} declares several models ({List(models.Select(m => m.Name))}); choose one with --model."),
        };
    }

    /// <summary>The guide named by --guide, or the only one; a clear error listing the guides otherwise.</summary>
    public static GuideIr SelectGuide(ModelIr model, string? name)
    {
        if (name is not null)
            return model.Guides.FirstOrDefault(g => g.Name == name)
                ?? throw new UserError($"--guide {name}: model {model.Name} has no such guide; its guides are {List(model.Guides.Select(g => g.Name))}.");
        return model.Guides.Count == 1
            ? model.Guides[0]
            : throw new UserError($"model {model.Name} has several guides ({List(model.Guides.Select(g => g.Name))}); choose one with --guide.");
    }

    private static string List(System.Collections.Generic.IEnumerable<string> names) => string.Join(", ", names);
}
