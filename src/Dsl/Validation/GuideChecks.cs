using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>
/// A guide must cover every latent exactly once (labels count as latents: they are latent in unlabelled data),
/// never an always-observed variable, and condition only on data or on latents it samples first.
/// </summary>
internal static class GuideChecks
{
    public static void Check(ModelIr model, GuideIr guide, string filePath, List<DslDiagnostic> diagnostics)
    {
        foreach (var factor in guide.Factors)
        {
            var target = model.FindVariable(factor.Target);
            if (target is { Role: VariableRole.Data })
            {
                diagnostics.Add(DiagnosticDescriptors.GuideTargetsObserved.Create(filePath, factor.Meta.Span, guide.Name, factor.Target));
                continue;
            }
            ModelFactorChecks.CheckFactor(model, factor, 'q', filePath, diagnostics);
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
        var cycle = Graph.FindCycle(guide.Factors.Select(f => (f.Target, (IEnumerable<string>)f.Conditions)));
        if (cycle is not null)
            diagnostics.Add(DiagnosticDescriptors.GuideCyclic.Create(filePath, guide.FactorFor(cycle)?.Meta.Span ?? guide.Meta.Span, guide.Name, cycle));
    }
}
