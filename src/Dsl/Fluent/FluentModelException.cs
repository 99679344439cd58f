using System;
using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Dsl.Fluent;

/// <summary>Thrown by <see cref="ModelBuilder.Build"/> when the model has errors; carries the same diagnostics a .pdsl file would get.</summary>
public sealed class FluentModelException : Exception
{
    public FluentModelException(ImmutableArray<DslDiagnostic> diagnostics)
        : base("The model has errors:\n" + string.Join("\n", diagnostics.Where(d => d.IsError).Select(d => $"{d.Id}: {d.Message}"))) =>
        Diagnostics = diagnostics;

    public ImmutableArray<DslDiagnostic> Diagnostics { get; }
}
