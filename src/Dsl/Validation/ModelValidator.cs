using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>
/// Checks what a model means: names resolve, every variable has one model factor, the model is acyclic,
/// distributions bind, each guide covers every latent once in an order that can be sampled.
/// </summary>
public static class ModelValidator
{
    public static IReadOnlyList<DslDiagnostic> Validate(ProgramIr program, string filePath) => Check(program, filePath).Diagnostics;

    /// <summary>
    /// <see cref="Validate"/>, and what it computed on the way (<see cref="ModelFacts"/>, one per model, in order)
    /// for the stages after it.
    /// </summary>
    public static (IReadOnlyList<DslDiagnostic> Diagnostics, IReadOnlyList<ModelFacts> Facts) Check(ProgramIr program, string filePath)
    {
        var diagnostics = new List<DslDiagnostic>();
        var facts = new List<ModelFacts>();
        foreach (var duplicate in program.Models.GroupBy(m => m.Name).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            diagnostics.Add(DiagnosticDescriptors.DuplicateModel.Create(filePath, duplicate.Meta.Span, duplicate.Name));
        foreach (var model in program.Models)
        {
            var modelDiagnostics = new List<DslDiagnostic>();
            var modelFacts = new ModelFacts(model);
            ValidateModel(model, filePath, modelDiagnostics, modelFacts);
            // Guide analysis and memory estimates reason about a well-formed model only; on a broken one they would add noise.
            if (!modelDiagnostics.Any(d => d.IsError))
            {
                modelFacts.Graph = new ModelGraph(model);
                foreach (var guide in model.Guides)
                {
                    var order = GuideAnalyzer.SamplingOrder(guide);
                    var explanation = GuideChecks.ReportUnfaithfulAssumptions(model, guide, modelFacts.Graph, order, filePath, modelDiagnostics);
                    modelFacts.AddGuide(new GuideFacts(guide, order, explanation));
                }
                MemoryLimits.Check(model, filePath, modelDiagnostics);
            }
            diagnostics.AddRange(modelDiagnostics);
            facts.Add(modelFacts);
        }
        return (diagnostics, facts);
    }

    private static void ValidateModel(ModelIr model, string filePath, List<DslDiagnostic> diagnostics, ModelFacts facts)
    {
        CheckNames(model, filePath, diagnostics);
        CheckVariables(model, filePath, diagnostics);
        CheckNets(model, filePath, diagnostics);
        ModelFactorChecks.Check(model, filePath, diagnostics, facts);
        foreach (var guide in model.Guides)
            GuideChecks.Check(model, guide, filePath, diagnostics, facts);
        CheckInferenceAndObjective(model, filePath, diagnostics);
        FiniteNumbers.Check(model, filePath, diagnostics);
    }

    private static void CheckNames(ModelIr model, string filePath, List<DslDiagnostic> diagnostics)
    {
        var declared = model.Variables.Select(v => (v.Name, v.Meta.Span))
            .Concat(model.Nets.Select(n => (n.Name, n.Meta.Span)))
            .Concat(model.Guides.Select(g => (g.Name, g.Meta.Span)));
        foreach (var duplicate in declared.GroupBy(d => d.Name).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            diagnostics.Add(DiagnosticDescriptors.DuplicateName.Create(filePath, duplicate.Span, duplicate.Name, model.Name));
        foreach (var (name, span) in declared.Prepend((model.Name, model.Meta.Span)).Where(d => d.Name.Length > NameLimits.MaxLength))
            diagnostics.Add(DiagnosticDescriptors.NameTooLong.Create(filePath, span, NameLimits.Abbreviated(name), name.Length, NameLimits.MaxLength));
    }

    private static void CheckVariables(ModelIr model, string filePath, List<DslDiagnostic> diagnostics)
    {
        foreach (var variable in model.Variables)
        {
            SizeLimits.CheckVariable(variable, filePath, diagnostics);
            var support = variable.Family.Support();
            if (variable.Role == VariableRole.Label && !support.IsFiniteClasses())
                diagnostics.Add(DiagnosticDescriptors.LabelNotFinite.Create(filePath, variable.Meta.Span, variable.Name, variable.Family, support.Describe()));
        }
    }

    private static void CheckNets(ModelIr model, string filePath, List<DslDiagnostic> diagnostics)
    {
        foreach (var net in model.Nets)
        {
            foreach (var input in net.Inputs.Where(i => model.FindVariable(i) is null))
                diagnostics.Add(DiagnosticDescriptors.UnknownVariable.Create(filePath, net.Meta.Span, input, model.Name));
            SizeLimits.CheckHidden(net, filePath, diagnostics);
            foreach (var head in net.Heads)
                CheckHead(model, head, filePath, diagnostics);
        }
    }

    private static void CheckHead(ModelIr model, HeadIr head, string filePath, List<DslDiagnostic> diagnostics)
    {
        var variable = model.FindVariable(head.Variable);
        if (variable is null)
        {
            diagnostics.Add(DiagnosticDescriptors.UnknownVariable.Create(filePath, head.Meta.Span, head.Variable, model.Name));
            return;
        }
        var parameters = variable.Family.Parameters();
        if (!parameters.Contains(head.Parameter))
            diagnostics.Add(DiagnosticDescriptors.UnknownParameter.Create(filePath, head.Meta.Span, variable.Family, head.Parameter, string.Join(", ", parameters)));
        else if (variable.Family.IsScalarParameter(head.Parameter))
            diagnostics.Add(DiagnosticDescriptors.ScalarFromNetwork.Create(filePath, head.Meta.Span, variable.Family, head.Parameter));
        else if (variable.Family.IsPositiveParameter(head.Parameter) && head.Transform == HeadTransform.None)
            diagnostics.Add(DiagnosticDescriptors.HeadNeedsPositiveTransform.Create(filePath, head.Meta.Span, head.ToString()));
    }

    private static void CheckRelaxation(RelaxationIr relaxation, string filePath, List<DslDiagnostic> diagnostics)
    {
        void Report(string option, string rule) =>
            diagnostics.Add(DiagnosticDescriptors.InvalidRelaxOption.Create(filePath, relaxation.Meta.Span, option, rule));
        if (relaxation.Tau0 <= 0 || relaxation.TauMin <= 0)
            Report("tau", "temperatures must be positive, e.g. 'tau: 1.0 -> 0.5'");
        else if (relaxation.TauMin > relaxation.Tau0)
            Report("tau", "the temperature anneals downwards: write 'tau: start -> minimum' with minimum <= start");
        if (relaxation.Rate < 0)
            Report("rate", "the annealing rate must be zero or positive");
        if (relaxation.Every < 1)
            Report("every", "the temperature is updated every N steps, N >= 1");
    }

    private static void CheckInferenceAndObjective(ModelIr model, string filePath, List<DslDiagnostic> diagnostics)
    {
        foreach (var inference in model.Inference)
        {
            var variable = model.FindVariable(inference.Variable);
            if (variable is null)
                diagnostics.Add(DiagnosticDescriptors.UnknownVariable.Create(filePath, inference.Meta.Span, inference.Variable, model.Name));
            else if (!variable.IsDiscrete || variable.Role == VariableRole.Data)
                diagnostics.Add(DiagnosticDescriptors.InferNotDiscrete.Create(filePath, inference.Meta.Span, variable.Name,
                    variable.Role == VariableRole.Data ? "always observed" : $"{variable.Family}"));
            if (inference.Relaxation is { } relaxation)
                CheckRelaxation(relaxation, filePath, diagnostics);
            if (inference.Reinforce is { } reinforce && (reinforce.Decay < 0 || reinforce.Decay >= 1))
                diagnostics.Add(DiagnosticDescriptors.InvalidReinforceOption.Create(filePath, reinforce.Meta.Span, "decay",
                    "the moving average's decay must be in [0, 1), e.g. 0.99"));
        }
        if (model.Objective.Kind == ObjectiveKind.SemiSupervised && !model.Variables.Any(v => v.Role == VariableRole.Label))
            diagnostics.Add(DiagnosticDescriptors.SemiSupervisedWithoutLabel.Create(filePath, model.Objective.Meta.Span));
        if (model.Guides.Count == 0)
            diagnostics.Add(DiagnosticDescriptors.NoGuide.Create(filePath, model.Meta.Span, model.Name));
    }
}
