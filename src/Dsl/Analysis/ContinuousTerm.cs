using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Analysis;

/// <summary>How the bound treats E_q[log p(v|pa) − log q(v|·)] for a continuous latent v.</summary>
public enum ContinuousTermKind
{
    /// <summary>−KL(q(v|·) ‖ p(v|pa)) in closed form: exact given everything v's parents depend on.</summary>
    AnalyticKl,

    /// <summary>log p(v|pa) − log q(v|·) at the guide's reparameterised sample.</summary>
    Sampled,
}

/// <summary>The choice for one continuous latent of one guide, and why it was made.</summary>
public sealed record ContinuousTerm(string Variable, ContinuousTermKind Kind, string Prior, string GuideFactor, EquatableArray<string> LateParents)
{
    public override string ToString() => Kind == ContinuousTermKind.AnalyticKl
        ? $"{Variable}: -KL({GuideFactor} || {Prior}) in closed form — every parent of {Variable} in the model is observed or drawn before {Variable} in the guide"
        : $"{Variable}: log {Prior} - log {GuideFactor} at the guide's sample — {Plural(LateParents)} drawn after {Variable} and from it in the guide, so the closed-form KL would be wrong";

    private static string Plural(EquatableArray<string> names) =>
        names.Count == 1 ? names[0] + " is" : string.Join(", ", names) + " are";
}
