using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Parsing;

/// <summary>One option of <c>relax(...)</c> as written; values are checked by the validator, not here.</summary>
internal sealed record RelaxOption(string Name, double Value, double SecondValue, SourceSpan Span)
{
    public static RelaxationIr Build(IEnumerable<RelaxOption> options)
    {
        var relaxation = RelaxationIr.Default;
        var list = options.ToList();
        foreach (var option in list)
        {
            relaxation = option.Name switch
            {
                "tau" => relaxation with { Tau0 = option.Value, TauMin = option.SecondValue },
                "rate" => relaxation with { Rate = option.Value },
                "every" => relaxation with { Every = StepCount(option.Value) },
                _ => relaxation with { Hard = true },
            };
        }
        var span = list.Count == 0 ? SourceSpan.None : SourceSpan.Merge(list[0].Span, list[list.Count - 1].Span);
        return relaxation with { Meta = new NodeMeta(span) };
    }

    /// <summary>
    /// A step count as an int. Casting a double beyond int's range gives int.MinValue, which the validator would
    /// report as "every &lt; 1" for a huge value; clamped instead, 2^31 steps means "never" in any feasible run.
    /// </summary>
    private static int StepCount(double value) =>
        (int)System.Math.Round(System.Math.Max(int.MinValue, System.Math.Min(int.MaxValue, value)));
}
