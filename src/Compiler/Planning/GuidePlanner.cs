using System.Collections.Generic;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Validation;

namespace ProbDsl.Compiler.Planning;

/// <summary>
/// Decides, for a validated model and one of its guides, how the bound is computed, and reports what the code
/// generator cannot do yet as PDSL0901 (never silently wrong code).
/// </summary>
internal static class GuidePlanner
{
    /// <summary>
    /// What the code generator cannot do yet for the model as a whole (PDSL0901), found once per model and
    /// reported at its first guide (the declaration every bound starts from); empty when it can.
    /// </summary>
    public static IReadOnlyList<DslDiagnostic> ModelProblems(ModelIr model, string filePath)
    {
        var at = model.Guides.Count > 0 ? model.Guides[0].Meta.Span : model.Meta.Span;
        return UnsupportedFeatures(model).Select(reason => (at, reason))
            .Concat(FamilySupport.Unsupported(model))
            .Select(p => DiagnosticDescriptors.NotYetGenerated.Create(filePath, p.Item1, p.Item2))
            .ToList();
    }

    /// <summary>The plan of one guide of a checked model without <see cref="ModelProblems"/>; null, with PDSL0901, when the guide cannot be generated.</summary>
    public static GuidePlan? Plan(ModelFacts facts, GuideFacts guide, LocalNames locals, string filePath, List<DslDiagnostic> diagnostics)
    {
        var model = facts.Model;
        var usedNets = model.Factors.Concat(guide.Guide.Factors)
            .SelectMany(f => f.Distribution.Arguments).Select(a => a.Value).OfType<NetCallExpr>().Select(c => c.Net)
            .Distinct().ToList();
        var plan = new GuidePlan(
            model, guide.Guide, GeneratedTypes.GuideClassName(model, guide.Guide),
            model.Variables.Single(v => v.Role == VariableRole.Data),
            model.Variables.SingleOrDefault(v => v.Role == VariableRole.Label),
            guide.SamplingOrder,
            model.Nets.Where(n => usedNets.Contains(n.Name)).ToList(),
            guide.Explanation,
            facts,
            locals);
        var classifierProblems = ClassifierProblems(plan).ToList();
        foreach (var reason in classifierProblems)
            diagnostics.Add(DiagnosticDescriptors.NotYetGenerated.Create(filePath, plan.Guide.FactorFor(plan.Label!.Name)!.Meta.Span, reason));
        if (classifierProblems.Count > 0)
            return null;
        return plan with { Bounds = Bounds(plan).ToList() };
    }

    /// <summary>The bound methods the class has, each planned: L and U (and the training surrogate) with a label, the ELBO without.</summary>
    private static IEnumerable<BoundPlan> Bounds(GuidePlan plan)
    {
        if (plan.Label is null)
        {
            yield return BoundPlanner.Plan(plan, BoundMode.Enumerated, "Bound");
            yield break;
        }
        yield return BoundPlanner.Plan(plan, BoundMode.Labelled, "LabelledBound");
        yield return BoundPlanner.Plan(plan, BoundMode.Enumerated, "UnlabelledBound");
        if (plan.TrainingMode != BoundMode.Enumerated)
            yield return BoundPlanner.Plan(plan, plan.TrainingMode, "UnlabelledObjective");
    }

    private static IEnumerable<string> UnsupportedFeatures(ModelIr model)
    {
        var data = model.Variables.Where(v => v.Role == VariableRole.Data).ToList();
        if (data.Count != 1)
            yield return "exactly one 'data' variable is supported";
        var labels = model.Variables.Count(v => v.Role == VariableRole.Label);
        if (model.Objective.Kind == ObjectiveKind.SemiSupervised && labels != 1)
            yield return "the semi-supervised objective needs exactly one 'label' variable";
        if (model.Objective.Kind == ObjectiveKind.Elbo && labels != 0)
            yield return "a 'label' variable needs 'objective semisupervised(...)'; with 'objective elbo' declare it 'latent'";
        foreach (var latent in model.Variables.Where(v => v.Role == VariableRole.Latent && v.IsDiscrete && model.StrategyFor(v.Name) != InferenceStrategy.Enumerate))
            yield return $"discrete latent '{latent.Name}' can only be enumerated for now ('infer {latent.Name} by enumerate')";
        foreach (var net in model.Nets.Where(n => n.Hidden.Count == 0))
            yield return $"network '{net.Name}' needs at least one hidden layer";
        foreach (var net in model.Nets.Where(n => n.Inputs.Count > 5))
            yield return $"network '{net.Name}' has more than five inputs";
        foreach (var latent in model.Variables.Where(v => v.Role == VariableRole.Latent))
        {
            var prior = model.FindFactor(latent.Name);
            if (prior is not null && MixesConstantsAndNetworks(prior))
                yield return $"p({latent.Name} | ...) mixes constants and network heads";
        }
    }

    /// <summary>
    /// The label's guide factor may read continuous latents drawn before it (the classifier then draws them too),
    /// but not discrete ones: q(y|x) would be a sum over them, and a relaxed or sampled y would sit inside an
    /// enumerated sum. A relaxed y's closed-form KL to p(y|pa) also needs pa drawn independently of y.
    /// </summary>
    private static IEnumerable<string> ClassifierProblems(GuidePlan plan)
    {
        if (plan.Label is not { } label)
            yield break;
        foreach (var discrete in plan.LabelAncestors.Select(f => plan.Model.FindVariable(f.Target)!).Where(v => v.IsDiscrete))
            yield return $"q({label.Name} | ...) reads the discrete latent '{discrete.Name}' (directly or through other latents): the classifier q({label.Name}|{plan.Data.Name}) would have to sum over it; let q({label.Name} | ...) read data and continuous latents only";
        var prior = plan.Model.FindFactor(label.Name);
        var late = prior is null ? new List<string>() : prior.Conditions.Where(GuideDependencies.Descendants(plan.Guide, label.Name).Contains).ToList();
        if (plan.Relaxation is not null && late.Count > 0)
            yield return $"a relaxed '{label.Name}' uses the closed-form KL(q({label.Name}|·) || {prior!.Signature('p')}), which is wrong when the guide draws {string.Join(", ", late)} from {label.Name}; enumerate {label.Name} or reorder the guide";
    }

    private static bool MixesConstantsAndNetworks(FactorIr factor)
    {
        var values = factor.Distribution.Arguments.Select(a => a.Value).ToList();
        return values.Any(v => v is NumberExpr) && values.Any(v => v is NetCallExpr);
    }
}
