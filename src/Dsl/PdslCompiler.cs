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
        var parsed = PdslParser.Parse(text, filePath);
        return parsed.Value is null ? parsed : Validate(parsed.Value, filePath, parsed.Diagnostics);
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
}
