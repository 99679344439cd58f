using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Parsing;
using ProbDsl.Dsl.Validation;

namespace ProbDsl.Dsl;

/// <summary>The front end in one place: parse, then validate. Code generation takes it from here (ProbDsl.Generators).</summary>
public static class PdslCompiler
{
    public static DslResult<ProgramIr> Compile(string text, string filePath)
    {
        // Hidden characters are reported whether or not the text parses: they may be what broke it.
        var hidden = BidiControls.Find(text, filePath);
        var parsed = PdslParser.Parse(text, filePath);
        if (parsed.Value is null)
            return parsed with { Diagnostics = hidden.Concat(parsed.Diagnostics).ToImmutableArray() };
        var earlier = hidden.Concat(parsed.Diagnostics).Concat(NoModel(parsed.Value, filePath)).ToImmutableArray();
        return Validate(parsed.Value, filePath, earlier);
    }

    /// <summary>
    /// Validates IR from any front end (the parser, the fluent builder), after the diagnostics that front end found
    /// while building it.
    /// </summary>
    public static DslResult<ProgramIr> Validate(ProgramIr program, string filePath, ImmutableArray<DslDiagnostic> earlier)
    {
        var validation = ModelValidator.Validate(program, filePath);
        // The same fact found twice (e.g. one bad network call feeding two parameters) is reported once.
        return new DslResult<ProgramIr>(program, earlier.AddRange(validation).Distinct().ToImmutableArray());
    }

    /// <summary>An empty file (or only comments) generates nothing; say so, rather than leave the user guessing.</summary>
    private static DslDiagnostic[] NoModel(ProgramIr program, string filePath) =>
        program.Models.Count > 0
            ? System.Array.Empty<DslDiagnostic>()
            : new[] { DiagnosticDescriptors.EmptyFile.Create(filePath, new SourceSpan(0, 0, 1, 1, 1, 1)) };
}
