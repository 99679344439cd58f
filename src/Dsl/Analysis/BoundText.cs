using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Analysis;

/// <summary>The bounds a model-with-guide optimises, written out with the model's and the guide's own factors.</summary>
internal static class BoundText
{
    public static string Labelled(ModelIr model, GuideIr guide, IReadOnlyList<FactorIr> modelFactors)
    {
        var labels = Names(model, VariableRole.Label);
        var latentFactors = guide.Factors.Where(f => model.FindVariable(f.Target)?.Role == VariableRole.Latent).ToList();
        var arguments = string.Join(",", Names(model, VariableRole.Data).Concat(labels));
        return $"L({arguments}) = {Expectation(latentFactors, LogJoint(modelFactors) + MinusLogQ(latentFactors))}";
    }

    /// <summary>
    /// U(x) = Σ_y q(y|x) L(x,y) + H(q(y|x)) when q(y|·) reads only data. When it also reads latents sampled before
    /// it (an auxiliary a in q(a|x) q(y|a,x) q(z|a,x,y), Maaløe et al. 2016), the sum over y sits inside the
    /// expectation over those latents, and the remaining latents' expectation inside the sum: L(x,y) cannot be
    /// reused, since it would average over a a second time.
    /// </summary>
    public static string Unlabelled(ModelIr model, GuideIr guide, IReadOnlyList<FactorIr> modelFactors)
    {
        var data = string.Join(",", Names(model, VariableRole.Data));
        var labels = Names(model, VariableRole.Label);
        if (labels.Length == 0)
            return $"U({data}) = L({data})";
        var labelFactors = guide.Factors.Where(f => labels.Contains(f.Target)).ToList();
        var q = string.Join(" ", labelFactors.Select(f => f.Signature('q')));
        var sum = $"Σ_{string.Join(",", labels)} {q}";
        var before = LatentsSampledBefore(model, guide, labelFactors);
        if (before.Count == 0)
            return $"U({data}) = {sum} L({string.Join(",", Names(model, VariableRole.Data).Concat(labels))}) + H({q})";
        var after = guide.Factors.Where(f => model.FindVariable(f.Target)?.Role == VariableRole.Latent && !before.Contains(f)).ToList();
        var inner = Expectation(after, LogJoint(modelFactors) + MinusLogQ(after));
        return $"U({data}) = {Expectation(before, $"{sum} {inner} + H({q}){MinusLogQ(before)}")}";
    }

    /// <summary>The guide factors of the latents a label factor conditions on, directly or through other factors.</summary>
    private static IReadOnlyList<FactorIr> LatentsSampledBefore(ModelIr model, GuideIr guide, IReadOnlyList<FactorIr> labelFactors)
    {
        var needed = GuideDependencies.Ancestors(guide, labelFactors.SelectMany(f => f.Conditions),
            name => model.FindVariable(name)?.Role == VariableRole.Latent);
        return guide.Factors.Where(f => needed.Contains(f.Target)).ToList();
    }

    private static string Expectation(IReadOnlyList<FactorIr> over, string inside) =>
        over.Count == 0 ? inside : $"E_{{{string.Join(" ", over.Select(f => f.Signature('q')))}}}[{inside}]";

    private static string LogJoint(IReadOnlyList<FactorIr> modelFactors) =>
        string.Join(" + ", modelFactors.Select(f => "log " + f.Signature('p')));

    private static string MinusLogQ(IReadOnlyList<FactorIr> factors) => string.Concat(factors.Select(f => " - log " + f.Signature('q')));

    private static string[] Names(ModelIr model, VariableRole role) =>
        model.Variables.Where(v => v.Role == role).Select(v => v.Name).ToArray();
}
