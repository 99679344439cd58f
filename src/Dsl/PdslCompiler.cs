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
        if (parsed.Value is null)
            return parsed;
        var validation = ModelValidator.Validate(parsed.Value, filePath);
        // The same fact found twice (e.g. one bad network call feeding two parameters) is reported once.
        return parsed with { Diagnostics = parsed.Diagnostics.AddRange(validation).Distinct().ToImmutableArray() };
    }
}
