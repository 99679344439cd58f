using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Analysis;

/// <summary>
/// Explains a guide against its model. A guide q = Π q(h | C_h), sampled in some order, replaces each exact
/// posterior conditional p(h | earlier latents, observed data) by q(h | C_h); that is exact only if, in the model,
/// h is d-separated from every earlier latent and observed variable left out of C_h, given C_h. Each such
/// statement is an independence the guide assumes; one that fails is unfaithful (Webb et al. 2018).
/// </summary>
public static class GuideAnalyzer
{
    public static GuideExplanation Explain(ModelIr model, GuideIr guide) => Explain(model, guide, new ModelGraph(model), SamplingOrder(guide));

    /// <summary>The explanation from the model's dependency graph and the guide's sampling order, computed once by the checker.</summary>
    public static GuideExplanation Explain(ModelIr model, GuideIr guide, ModelGraph graph, IReadOnlyList<FactorIr> order)
    {
        var observed = model.Variables.Where(v => v.Role == VariableRole.Data).Select(v => v.Name).ToList();
        var assumptions = new List<AssumedIndependence>();
        var earlier = new List<string>();
        foreach (var factor in order)
        {
            var available = earlier.Concat(observed).ToList();
            var omitted = available.Where(v => !factor.Conditions.Contains(v)).ToList();
            if (omitted.Count > 0)
            {
                var holds = graph.AreDSeparated(factor.Target, omitted, factor.Conditions);
                assumptions.Add(new AssumedIndependence(factor.Target, omitted, factor.Conditions.ToList(), holds));
            }
            earlier.Add(factor.Target);
        }
        var faithful = assumptions.All(a => a.HoldsInModel) ? null : FaithfulFactorisation(model, graph, observed);
        var modelFactors = ModelFactorsChildrenFirst(model, graph);
        return new GuideExplanation(
            model.Name, guide.Name,
            string.Join(" ", modelFactors.Select(f => f.Signature('p'))),
            guide.Factorisation,
            BoundText.Labelled(model, guide, modelFactors),
            BoundText.Unlabelled(model, guide, modelFactors),
            assumptions,
            faithful,
            ContinuousTermRule.Decide(model, guide),
            ContinuousTermRule.Decide(model, guide, labelObserved: true));
    }

    /// <summary>The guide's factors in an order in which they can be sampled (stable: ties keep the written order); as written if cyclic.</summary>
    public static IReadOnlyList<FactorIr> SamplingOrder(GuideIr guide)
    {
        var order = Graph.TopologicalOrder(guide.Factors.Select(f => (f.Target, (IEnumerable<string>)f.Conditions)), out _);
        return order is null ? guide.Factors.ToList() : order.Select(t => guide.FactorFor(t)!).ToList();
    }

    /// <summary>Children before parents, as the factorisation is usually written: p(x|y,z) p(y) p(z).</summary>
    private static IReadOnlyList<FactorIr> ModelFactorsChildrenFirst(ModelIr model, ModelGraph graph)
    {
        var depth = Depths(graph);
        return model.Variables.Select(v => v.Name).OrderByDescending(v => depth[v])
            .Select(model.FindFactor).Where(f => f is not null).Select(f => f!).ToList();
    }

    /// <summary>Length of the longest path from a root: 0 for roots.</summary>
    private static Dictionary<string, int> Depths(ModelGraph graph)
    {
        var depth = new Dictionary<string, int>();
        foreach (var node in graph.TopologicalOrder())
            depth[node] = graph.Parents(node).Select(p => depth[p] + 1).DefaultIfEmpty(0).Max();
        return depth;
    }

    /// <summary>
    /// A minimal faithful factorisation in the spirit of NaMI (Webb et al. 2018): latents are inverted in reverse
    /// topological order of the model (discrete ones first among ties), and each conditions on the observed data and
    /// earlier latents, minus those it is d-separated from given the rest.
    /// </summary>
    private static string FaithfulFactorisation(ModelIr model, ModelGraph graph, IReadOnlyList<string> observed)
    {
        var depth = Depths(graph);
        var latents = model.Variables.Where(v => v.Role != VariableRole.Data)
            .OrderByDescending(v => depth[v.Name])
            .ThenByDescending(v => v.IsDiscrete)
            .Select(v => v.Name).ToList();
        var factors = new List<string>();
        var earlier = new List<string>();
        foreach (var latent in latents)
        {
            var conditions = earlier.Concat(observed).ToList();
            var removed = new List<string>();
            foreach (var candidate in conditions.ToList())
            {
                var remaining = conditions.Where(c => c != candidate).ToList();
                if (graph.AreDSeparated(latent, removed.Append(candidate), remaining))
                {
                    removed.Add(candidate);
                    conditions = remaining;
                }
            }
            var kept = observed.Concat(earlier).Where(conditions.Contains).ToList();
            factors.Insert(0, kept.Count == 0 ? $"q({latent})" : $"q({latent}|{string.Join(",", kept)})");
            earlier.Add(latent);
        }
        return string.Join(" ", factors);
    }
}
