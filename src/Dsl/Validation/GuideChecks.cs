using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>
/// A guide must cover every latent exactly once (labels count as latents: they are latent in unlabelled data),
/// never an always-observed variable, and condition only on data or on latents it samples first.
/// </summary>
internal static class GuideChecks
{
    public static void Check(ModelIr model, GuideIr guide, string filePath, List<DslDiagnostic> diagnostics, ModelFacts? facts = null)
    {
        foreach (var factor in guide.Factors)
        {
            var target = model.FindVariable(factor.Target);
            if (target is { Role: VariableRole.Data })
            {
                diagnostics.Add(DiagnosticDescriptors.GuideTargetsObserved.Create(filePath, factor.Meta.Span, guide.Name, factor.Target));
                continue;
            }
            ModelFactorChecks.CheckFactor(model, factor, 'q', filePath, diagnostics, facts);
        }

        foreach (var latent in model.Variables.Where(v => v.Role != VariableRole.Data))
        {
            var covering = guide.Factors.Where(f => f.Target == latent.Name).ToList();
            if (covering.Count == 0)
                diagnostics.Add(DiagnosticDescriptors.GuideMissesLatent.Create(filePath, guide.Meta.Span, guide.Name, latent.Name));
            foreach (var extra in covering.Skip(1))
                diagnostics.Add(DiagnosticDescriptors.GuideCoversTwice.Create(filePath, extra.Meta.Span, guide.Name, latent.Name));
        }

        CheckSamplingOrder(model, guide, filePath, diagnostics);
    }

    /// <summary>Informational: a valid guide that cannot match the true posterior (run only on otherwise valid models).</summary>
    public static GuideExplanation ReportUnfaithfulAssumptions(
        ModelIr model, GuideIr guide, ModelGraph graph, IReadOnlyList<FactorIr> order, string filePath, List<DslDiagnostic> diagnostics)
    {
        var explanation = GuideAnalyzer.Explain(model, guide, graph, order);
        var unfaithful = explanation.Assumptions.Where(a => !a.HoldsInModel).ToList();
        foreach (var assumption in unfaithful.Take(MaxUnfaithfulReported))
            diagnostics.Add(DiagnosticDescriptors.UnfaithfulGuide.Create(filePath, guide.Meta.Span, guide.Name,
                Abbreviated(assumption.ToString()), Abbreviated(Why(model, assumption)), Abbreviated(explanation.FaithfulFactorisation ?? "")));
        if (unfaithful.Count > MaxUnfaithfulReported)
            diagnostics.Add(DiagnosticDescriptors.MoreUnfaithful.Create(filePath, guide.Meta.Span, guide.Name, unfaithful.Count - MaxUnfaithfulReported));
        return explanation;
    }

    /// <summary>
    /// Information, not errors: a few say what is wrong, the explanation says all. A guide over 200 latents made
    /// 200 messages each holding the whole faithful factorisation, ~17 MB of build output.
    /// </summary>
    private const int MaxUnfaithfulReported = 3;

    private const int MaxMessagePart = 300;

    private static string Abbreviated(string text) =>
        text.Length <= MaxMessagePart ? text : text.Substring(0, MaxMessagePart) + $"… ({text.Length} characters; the guide's explanation has all of it)";

    /// <summary>Names the collider that couples two latents once data is observed, the usual cause.</summary>
    private static string Why(ModelIr model, AssumedIndependence assumption)
    {
        var collider = model.Factors.FirstOrDefault(f => f.Conditions.Contains(assumption.Target)
            && assumption.Independent.Any(f.Conditions.Contains) && assumption.Given.Contains(f.Target));
        if (collider is null)
            return "they are d-connected in the model given " + string.Join(", ", assumption.Given);
        var other = assumption.Independent.First(collider.Conditions.Contains);
        return $"{assumption.Target} → {collider.Target} ← {other}: once {collider.Target} is observed, {assumption.Target} and {other} are dependent (explaining away)";
    }

    private static void CheckSamplingOrder(ModelIr model, GuideIr guide, string filePath, List<DslDiagnostic> diagnostics)
    {
        var sampled = new HashSet<string>(guide.Factors.Select(f => f.Target));
        foreach (var factor in guide.Factors)
        {
            foreach (var condition in factor.Conditions)
            {
                var variable = model.FindVariable(condition);
                if (variable is not null && variable.Role != VariableRole.Data && !sampled.Contains(condition))
                    diagnostics.Add(DiagnosticDescriptors.GuideConditionsOnUnknown.Create(filePath, factor.Meta.Span, guide.Name, factor.Target, condition));
            }
        }
        // A factor for observed data was reported already; it must not also make the guide look cyclic.
        var latentFactors = guide.Factors.Where(f => model.FindVariable(f.Target)?.Role != VariableRole.Data);
        var cycle = Graph.FindCycle(latentFactors.Select(f => (f.Target, (IEnumerable<string>)f.Conditions)));
        if (cycle is not null)
            diagnostics.Add(DiagnosticDescriptors.GuideCyclic.Create(filePath, guide.FactorFor(cycle)?.Meta.Span ?? guide.Meta.Span, guide.Name, cycle));
    }
}
