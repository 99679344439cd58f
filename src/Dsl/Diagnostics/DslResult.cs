using System.Collections.Immutable;
using System.Linq;

namespace ProbDsl.Dsl.Diagnostics;

/// <summary>A pipeline stage's output: a value (absent when the stage could not produce one) and its diagnostics.</summary>
public sealed record DslResult<T>(T? Value, ImmutableArray<DslDiagnostic> Diagnostics)
    where T : class
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public bool Succeeded => Value is not null && !HasErrors;
}
