using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Analysis;

/// <summary>
/// When a continuous latent's term may be a closed-form KL. E_q[log p(v|pa) − log q(v|·)] equals
/// −KL(q(v|·) ‖ p(v|pa)) only if no parent in pa depends on v's own sample: every parent must be observed or
/// not a guide descendant of v. In p(z2) p(z1|z2) with the bottom-up guide q(z1|x) q(z2|z1), z2 is drawn from
/// z1, so the z1 term must be sampled; likewise the auxiliary a of the ADGM, whose p(a|x,y,z) reads y and z that
/// the guide draws from a. The check covers every latent, discrete ones included: y enumerated given a is
/// still a function of a's sample. The decision is per bound: in the labelled bound L(x,y) the label is
/// observed, so it is never drawn from v and the closed form may hold where it does not in U(x).
/// </summary>
public static class ContinuousTermRule
{
    public static IReadOnlyList<ContinuousTerm> Decide(ModelIr model, GuideIr guide, bool labelObserved = false)
    {
        var observed = new HashSet<string>(model.Variables
            .Where(v => v.Role == VariableRole.Data || (labelObserved && v.Role == VariableRole.Label))
            .Select(v => v.Name));
        return model.Variables
            .Where(v => v.Role == VariableRole.Latent && !v.IsDiscrete)
            .Select(v => (Variable: v, Prior: model.FindFactor(v.Name), Guide: guide.FactorFor(v.Name)))
            .Where(t => t.Prior is not null && t.Guide is not null)
            .Select(t => Decide(t.Variable.Name, t.Prior!, t.Guide!, guide, observed))
            .ToList();
    }

    private static ContinuousTerm Decide(string variable, FactorIr prior, FactorIr guideFactor, GuideIr guide, ISet<string> observed)
    {
        var descendants = GuideDependencies.Descendants(guide, variable, observed);
        var late = prior.Conditions.Where(descendants.Contains).ToEquatableArray();
        var kind = late.Count == 0 ? ContinuousTermKind.AnalyticKl : ContinuousTermKind.Sampled;
        return new ContinuousTerm(variable, kind, prior.Signature('p'), guideFactor.Signature('q'), late);
    }
}
