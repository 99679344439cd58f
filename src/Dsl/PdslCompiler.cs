using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Parsing;
using ProbDsl.Dsl.Validation;

namespace ProbDsl.Dsl;

/// <summary>The front end in one place: parse, then validate. Planning and code generation take it from here (ProbDsl.Compiler).</summary>
public static class PdslCompiler
{
    public static DslResult<ProgramIr> Compile(string text, string filePath)
    {
        var parsed = Parse(text, filePath);
        return parsed.Value is null ? parsed : Validate(parsed.Value, filePath, parsed.Diagnostics);
    }

    /// <summary>The text to IR, with what the parser found: hidden characters, syntax errors, a file without a model.</summary>
    public static DslResult<ProgramIr> Parse(string text, string filePath)
    {
        // Hidden characters are reported whether or not the text parses: they may be what broke it.
        var hidden = BidiControls.Find(text, filePath);
        var parsed = PdslParser.Parse(text, filePath);
        if (parsed.Value is null)
            return parsed with { Diagnostics = hidden.Concat(parsed.Diagnostics).ToImmutableArray() };
        return parsed with { Diagnostics = hidden.Concat(parsed.Diagnostics).Concat(NoModel(parsed.Value, filePath)).ToImmutableArray() };
    }

    /// <summary>
    /// Validates IR from any front end (the parser, the fluent builder), after the diagnostics that front end found
    /// while building it.
    /// </summary>
    public static DslResult<ProgramIr> Validate(ProgramIr program, string filePath, ImmutableArray<DslDiagnostic> earlier) =>
        Check(program, filePath, earlier).Result;

    /// <summary><see cref="Validate"/>, with what validation computed on the way, one <see cref="ModelFacts"/> per model.</summary>
    public static (DslResult<ProgramIr> Result, IReadOnlyList<ModelFacts> Facts) Check(ProgramIr program, string filePath, ImmutableArray<DslDiagnostic> earlier)
    {
        var (validation, facts) = ModelValidator.Check(program, filePath);
        // The same fact found twice (e.g. one bad network call feeding two parameters) is reported once.
        return (new DslResult<ProgramIr>(program, earlier.AddRange(validation).Distinct().ToImmutableArray()), facts);
    }

    /// <summary>An empty file (or only comments) generates nothing; say so, rather than leave the user guessing.</summary>
    private static DslDiagnostic[] NoModel(ProgramIr program, string filePath) =>
        program.Models.Count > 0
            ? System.Array.Empty<DslDiagnostic>()
            : new[] { DiagnosticDescriptors.EmptyFile.Create(filePath, new SourceSpan(0, 0, 1, 1, 1, 1)) };
}
