using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Compiler.Emit;
using ProbDsl.Compiler.Naming;
using ProbDsl.Compiler.Planning;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler;

/// <summary>
/// The compiler's stages, each a pure function returning an immutable value with a printed form (its
/// <c>ToString</c>): <see cref="Parse"/> → <see cref="Check"/> → <see cref="Plan"/> → <see cref="Emit"/>. Each stage
/// takes the previous one's value and computes nothing the previous stage already did. The source generator, the
/// fluent front end and the CLI all go through these (<see cref="ProbDslCodeGenerator"/> runs them guarded).
/// </summary>
public static class ProbDslCompiler
{
    /// <summary>.pdsl text to IR.</summary>
    public static ParsedFile Parse(string text, string path)
    {
        var parsed = PdslCompiler.Parse(text, path);
        return new ParsedFile(path, parsed.Value, parsed.Diagnostics);
    }

    /// <summary>Validation and guide analysis of a parsed file; nothing more when it did not parse.</summary>
    public static CheckedFile Check(ParsedFile parsed) =>
        parsed.Program is null
            ? new CheckedFile(parsed.Path, null, new List<Dsl.Validation.ModelFacts>(), parsed.Diagnostics)
            : Check(parsed.Program, parsed.Path, parsed.Diagnostics);

    /// <summary>Checks IR from any front end (the fluent builder too), after the diagnostics that front end found.</summary>
    public static CheckedFile Check(ProgramIr program, string path, ImmutableArray<DslDiagnostic> earlier)
    {
        var (result, facts) = PdslCompiler.Check(program, path, earlier);
        var collisions = TypeNameCollisions.InFile(program.Models, path);
        return new CheckedFile(path, program, facts, result.Diagnostics.AddRange(collisions));
    }

    /// <summary>
    /// Decides how every guide's bounds are computed. A file with errors plans nothing; a model the generator
    /// cannot compile yet gets PDSL0901 (each reason once) and, like an error anywhere, leaves the plan empty.
    /// </summary>
    public static CompilationPlan Plan(CheckedFile checkedFile, GenerationOptions? options = null)
    {
        options ??= GenerationOptions.Default;
        if (checkedFile.Program is null || checkedFile.HasErrors)
            return new CompilationPlan(checkedFile.Path, options, new List<ModelPlan>(), checkedFile.Diagnostics);
        var diagnostics = checkedFile.Diagnostics.ToList();
        var models = new List<ModelPlan>();
        foreach (var facts in checkedFile.Models)
        {
            var problems = GuidePlanner.ModelProblems(facts.Model, checkedFile.Path);
            diagnostics.AddRange(problems);
            if (problems.Count > 0)
                continue;
            var locals = LocalNames.For(facts.Model);
            var guides = facts.Guides.Select(g => GuidePlanner.Plan(facts, g, locals, checkedFile.Path, diagnostics)).ToList();
            if (guides.All(g => g is not null))
                models.Add(new ModelPlan(facts.Model, guides.Select(g => g!).ToList(), $"{Names.Pascal(facts.Model.Name)}.g.cs", options.Hoisting));
        }
        return diagnostics.Any(d => d.IsError)
            ? new CompilationPlan(checkedFile.Path, options, new List<ModelPlan>(), diagnostics.ToImmutableArray())
            : new CompilationPlan(checkedFile.Path, options, models, diagnostics.ToImmutableArray());
    }

    /// <summary>Writes the plan as C#: one file per model.</summary>
    public static EmittedFile Emit(CompilationPlan plan)
    {
        var sources = plan.Models
            .Select(m => new GeneratedSource(m.HintName, ModelEmitter.Emit(m, plan.Path)))
            .ToImmutableArray();
        return new EmittedFile(plan.Path, sources, plan.Diagnostics);
    }
}
