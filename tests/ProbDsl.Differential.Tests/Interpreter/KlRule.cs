using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Differential.Tests.Interpreter;

/// <summary>
/// When E_q[log p(v | pa) − log q(v | ·)] may be replaced by −KL(q(v | ·) ‖ p(v | pa)): when every parent pa of v
/// in the model is observed or not a guide-descendant of v. Then, by the guide's local Markov property, v given its
/// guide parents is independent of pa, so the inner expectation over v is the closed-form KL at pa's value. A
/// parent drawn from v's sample (a bottom-up hierarchy, an auxiliary variable sampled first) breaks that.
/// </summary>
internal static class KlRule
{
    public static bool AnalyticIsValid(ModelIr model, GuideIr guide, string variable, bool labelObserved)
    {
        var observed = new HashSet<string>(model.Variables
            .Where(v => v.Role == VariableRole.Data || (labelObserved && v.Role == VariableRole.Label)).Select(v => v.Name));
        var descendants = GuideDescendants(guide, variable, observed);
        return model.FindFactor(variable)!.Conditions.All(pa => observed.Contains(pa) || !descendants.Contains(pa));
    }

    /// <summary>Everything the guide draws from <paramref name="variable"/>'s sample, directly or not; observed variables are not drawn.</summary>
    private static HashSet<string> GuideDescendants(GuideIr guide, string variable, HashSet<string> observed)
    {
        var found = new HashSet<string>();
        var frontier = new Queue<string>(new[] { variable });
        while (frontier.Count > 0)
        {
            var parent = frontier.Dequeue();
            foreach (var child in guide.Factors.Where(f => !observed.Contains(f.Target) && f.Conditions.Contains(parent)).Select(f => f.Target))
                if (found.Add(child))
                    frontier.Enqueue(child);
        }
        return found;
    }
}
