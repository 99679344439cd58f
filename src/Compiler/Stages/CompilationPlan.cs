using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Compiler.Planning;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Compiler;

/// <summary>
/// Stage 3, <see cref="ProbDslCompiler.Plan"/>: every decision the emitter follows, per model and guide (see
/// <see cref="GuidePlan"/> and <see cref="BoundPlan"/>), with the options it was planned under. Empty, with the
/// reasons, when any model cannot be generated.
/// </summary>
public sealed record CompilationPlan(string Path, GenerationOptions Options, IReadOnlyList<ModelPlan> Models, ImmutableArray<DslDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The plan as text (<see cref="PlanPrinter"/>), after the diagnostics.</summary>
    public override string ToString() => StageText.Diagnostics(Diagnostics) + string.Concat(Models.Select(PlanPrinter.Print));
}
