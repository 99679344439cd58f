using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Analysis;

/// <summary>The bounds a model-with-guide optimises, written out with the model's and the guide's own factors.</summary>
internal static class BoundText
{
    public static string Labelled(ModelIr model, GuideIr guide, System.Collections.Generic.IReadOnlyList<FactorIr> modelFactors)
    {
        var data = Names(model, VariableRole.Data);
        var labels = Names(model, VariableRole.Label);
        var latentFactors = guide.Factors.Where(f => model.FindVariable(f.Target)?.Role == VariableRole.Latent).ToList();
        var inside = string.Join(" + ", modelFactors.Select(f => "log " + f.Signature('p')))
            + string.Concat(latentFactors.Select(f => " - log " + f.Signature('q')));
        var arguments = string.Join(",", data.Concat(labels));
        return latentFactors.Count == 0
            ? $"L({arguments}) = {inside}"
            : $"L({arguments}) = E_{{{string.Join(" ", latentFactors.Select(f => f.Signature('q')))}}}[{inside}]";
    }

    public static string Unlabelled(ModelIr model, GuideIr guide)
    {
        var data = string.Join(",", Names(model, VariableRole.Data));
        var labels = Names(model, VariableRole.Label);
        if (labels.Length == 0)
            return $"U({data}) = L({data})";
        var arguments = string.Join(",", Names(model, VariableRole.Data).Concat(labels));
        var labelFactors = guide.Factors.Where(f => labels.Contains(f.Target)).Select(f => f.Signature('q')).ToList();
        var q = string.Join(" ", labelFactors);
        return $"U({data}) = Σ_{string.Join(",", labels)} {q} L({arguments}) + H({q})";
    }

    private static string[] Names(ModelIr model, VariableRole role) =>
        model.Variables.Where(v => v.Role == role).Select(v => v.Name).ToArray();
}
