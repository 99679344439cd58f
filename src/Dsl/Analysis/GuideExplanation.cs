using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProbDsl.Dsl.Analysis;

/// <summary>A conditional independence a guide factor assumes: <c>Target ⟂ Independent | Given</c>.</summary>
public sealed record AssumedIndependence(string Target, IReadOnlyList<string> Independent, IReadOnlyList<string> Given, bool HoldsInModel)
{
    public override string ToString() =>
        $"{Target} ⟂ {string.Join(", ", Independent)}" + (Given.Count == 0 ? "" : $" | {string.Join(", ", Given)}");
}

/// <summary>What a guide means, in words: factorisations, bounds, assumed independences, and how they compare with the model.</summary>
public sealed record GuideExplanation(
    string Model,
    string Guide,
    string ModelFactorisation,
    string GuideFactorisation,
    string LabelledBound,
    string UnlabelledBound,
    IReadOnlyList<AssumedIndependence> Assumptions,
    string? FaithfulFactorisation,
    IReadOnlyList<ContinuousTerm> ContinuousTerms,
    IReadOnlyList<ContinuousTerm> LabelledContinuousTerms)
{
    public bool IsFaithful => Assumptions.All(a => a.HoldsInModel);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("model ").Append(Model).Append(", guide ").Append(Guide).Append('\n');
        text.Append("  model:      ").Append(ModelFactorisation).Append('\n');
        text.Append("  guide:      ").Append(GuideFactorisation).Append('\n');
        text.Append("  labelled:   ").Append(LabelledBound).Append('\n');
        text.Append("  unlabelled: ").Append(UnlabelledBound).Append('\n');
        foreach (var term in ContinuousTerms)
            text.Append("  term:       ").Append(term).Append('\n');
        foreach (var term in LabelledContinuousTerms.Where(t => !ContinuousTerms.Contains(t)))
            text.Append("  in L:       ").Append(term).Append('\n');
        if (Assumptions.Count == 0)
            text.Append("  assumes:    no conditional independence beyond the model's\n");
        foreach (var assumption in Assumptions)
        {
            text.Append("  assumes:    ").Append(assumption);
            text.Append(assumption.HoldsInModel ? "  (holds in the model)" : "  (does NOT hold in the model's posterior)").Append('\n');
        }
        text.Append(IsFaithful
            ? "  faithful:   yes — every independence it assumes holds in the true posterior\n"
            : $"  faithful:   no — a faithful factorisation is {FaithfulFactorisation}\n");
        return text.ToString();
    }
}
