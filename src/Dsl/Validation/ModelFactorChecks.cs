using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>The model's own factors: one per variable, names known, families matching, and no cycle.</summary>
internal static class ModelFactorChecks
{
    public static void Check(ModelIr model, string filePath, List<DslDiagnostic> diagnostics, ModelFacts? facts = null)
    {
        foreach (var factor in model.Factors)
            CheckFactor(model, factor, 'p', filePath, diagnostics, facts);

        foreach (var variable in model.Variables)
        {
            var factors = model.Factors.Where(f => f.Target == variable.Name).ToList();
            if (factors.Count == 0)
                diagnostics.Add(DiagnosticDescriptors.MissingModelFactor.Create(filePath, variable.Meta.Span, variable.Name));
            foreach (var extra in factors.Skip(1))
                diagnostics.Add(DiagnosticDescriptors.DuplicateModelFactor.Create(filePath, extra.Meta.Span, variable.Name));
        }

        var cycle = Graph.FindCycle(model.Factors.Select(f => (f.Target, (IEnumerable<string>)f.Conditions)));
        if (cycle is not null)
        {
            var span = model.FindFactor(cycle)?.Meta.Span ?? model.Meta.Span;
            diagnostics.Add(DiagnosticDescriptors.CyclicModel.Create(filePath, span, cycle));
        }
    }

    /// <summary>Shared by model and guide factors: the target and conditions exist, the family matches, arguments bind.</summary>
    public static void CheckFactor(ModelIr model, FactorIr factor, char density, string filePath, List<DslDiagnostic> diagnostics, ModelFacts? facts = null)
    {
        var target = model.FindVariable(factor.Target);
        if (target is null)
        {
            diagnostics.Add(DiagnosticDescriptors.UnknownVariable.Create(filePath, factor.Meta.Span, factor.Target, model.Name));
            return;
        }
        var unknown = factor.Conditions.Where(c => model.FindVariable(c) is null).ToList();
        foreach (var name in unknown)
            diagnostics.Add(DiagnosticDescriptors.UnknownVariable.Create(filePath, factor.Meta.Span, name, model.Name));
        if (unknown.Count > 0)
            return;
        if (factor.Distribution.Family != target.Family)
        {
            diagnostics.Add(DiagnosticDescriptors.WrongFamily.Create(filePath, factor.Distribution.Meta.Span, target.Name, target.Family, factor.Distribution.Family,
                target.Family.Support().Describe(), factor.Distribution.Family.Support().Describe()));
            return;
        }
        var bound = ParameterBinder.Bind(model, factor, density, filePath, diagnostics);
        facts?.AddBinding(factor, density, bound);
    }
}
