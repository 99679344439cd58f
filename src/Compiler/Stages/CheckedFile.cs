using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Validation;

namespace ProbDsl.Compiler;

/// <summary>
/// Stage 2, <see cref="ProbDslCompiler.Check"/>: a validated program and, per model, what checking computed that
/// the later stages use rather than compute again (<see cref="ModelFacts"/>: the factors' bound parameters, each
/// guide's sampling order and explanation). A model with errors has no guide facts.
/// </summary>
public sealed record CheckedFile(string Path, ProgramIr? Program, IReadOnlyList<ModelFacts> Models, ImmutableArray<DslDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The diagnostics, then each guide's sampling order and explanation.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(StageText.Diagnostics(Diagnostics));
        foreach (var guide in Models.SelectMany(m => m.Guides))
        {
            text.Append(guide.Explanation);
            text.Append("  order:      ").Append(string.Join(" ", guide.SamplingOrder.Select(f => f.Signature('q')))).Append('\n');
        }
        return text.ToString();
    }
}
