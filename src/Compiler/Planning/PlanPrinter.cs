using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler.Planning;

/// <summary>
/// The plan in words, one decision per line (what <c>probdsl plan</c> prints and the golden tests compare), e.g.
/// <c>b: enumerated on dim 1 of 2</c>. Dimensions are listed as the variables they enumerate, <c>[]</c> for none.
/// </summary>
public static class PlanPrinter
{
    public static string Print(ModelPlan model) =>
        string.Concat(model.Guides.Select(g => Print(g, model.Hoisting)));

    public static string Print(GuidePlan plan, bool hoisting)
    {
        var text = new StringBuilder();
        void Line(string indent, string line) => text.Append(indent).Append(line).Append('\n');
        Line("", $"model {plan.Model.Name}, guide {plan.Guide.Name}: class {plan.ClassName}");
        Line("  ", $"data:       {plan.Data.Name} : {plan.Data.Family}[{plan.Data.Size}]");
        if (plan.Label is { } label)
            Line("  ", $"label:      {label.Name} : {label.Family}[{label.Size}], unlabelled objective by {Training(plan)}");
        Line("  ", $"order:      {string.Join(" ", plan.SamplingOrder.Select(f => f.Signature('q')))}");
        Line("  ", $"networks:   {string.Join(", ", plan.Nets.Select(n => n.Name))}; hoisting {(hoisting ? "on: each input projected at its own dims" : "off: inputs broadcast and concatenated")}");
        Line("  ", $"locals:     {string.Join(", ", plan.Model.Variables.Select(v => v.Name == plan.Locals.Variable(v.Name) ? v.Name : $"{v.Name} -> {plan.Locals.Variable(v.Name)}"))}");
        foreach (var bound in plan.Bounds)
            PrintBound(bound, "  ", Line);
        return text.ToString();
    }

    private static string Training(GuidePlan plan) => plan.TrainingMode switch
    {
        BoundMode.Relaxed => $"relaxation (tau {plan.Relaxation!.Tau0} -> {plan.Relaxation.TauMin}{(plan.Relaxation.Hard ? ", straight-through" : "")})",
        BoundMode.Scored => $"score function (baseline {plan.Reinforce!.Baseline.ToString().ToLowerInvariant()})",
        _ => "exact enumeration",
    };

    private static void PrintBound(BoundPlan bound, string indent, System.Action<string, string> line)
    {
        var inner = indent + "  ";
        line(indent, $"bound {bound.Method} ({Mode(bound.Mode)}):");
        line(inner, bound.Enumerated.Count == 0
            ? "enumerated: none"
            : "enumerated: " + string.Join(", ", bound.Enumerated.Select((v, d) => $"{v} on dim {d}")) + $" of {bound.Enumerated.Count}");
        foreach (var step in bound.Steps)
            line(inner, $"{step.Variable}: {Step(step, bound.Enumerated.Count)} — {step.Factor}");
        foreach (var call in bound.NetCalls)
            line(inner, $"net {call.Net}({string.Join(", ", call.Inputs.Select(i => $"{i.Input} {Dims(i.Over)}"))}) -> {Dims(call.Over)}");
        foreach (var term in bound.Terms)
            line(inner, $"term {(term.Subtract ? "-" : "+")} {term.Text}: {Kind(term.Kind)} over {Dims(term.Over)}" + (term.Why is null ? "" : $" — {term.Why}"));
        var byKey = bound.Terms.ToDictionary(t => t.Key);
        foreach (var group in bound.Groups)
            line(inner, $"sum over {Dims(group.Over)} ({group.Local}): {string.Join(" ", group.Terms.Select(k => (byKey[k].Subtract ? "-" : "+") + " " + byKey[k].Text))}");
        var outside = bound.Terms.Where(t => t.Over.Count == 0).ToList();
        if (bound.Enumerated.Count > 0 && outside.Count > 0)
            line(inner, $"added outside the sums: {string.Join(" ", outside.Select(t => (t.Subtract ? "-" : "+") + " " + t.Text))}");
    }

    private static string Mode(BoundMode mode) => mode switch
    {
        BoundMode.Labelled => "label observed",
        BoundMode.Enumerated => "every discrete latent enumerated",
        BoundMode.Relaxed => "label relaxed",
        _ => "label sampled, score function",
    };

    private static string Step(GuideStep step, int rank) => step.Kind switch
    {
        GuideStepKind.Enumerated => $"enumerated on dim {step.Dim} of {rank}",
        GuideStepKind.Observed => "observed (class indices)",
        GuideStepKind.Relaxed => $"relaxed (Concrete sample) over {Dims(step.Over)}",
        GuideStepKind.ScoreFunction => $"sampled (score function) over {Dims(step.Over)}",
        _ => $"reparameterised sample over {Dims(step.Over)}",
    };

    private static string Kind(TermKind kind) => kind switch
    {
        TermKind.Likelihood => "likelihood",
        TermKind.DiscreteLogPrior => "log prior",
        TermKind.UniformLogPrior => "constant",
        TermKind.CategoricalKl => "categorical KL, exact",
        TermKind.AnalyticKl => "analytic KL",
        TermKind.SampledLogP => "sampled",
        TermKind.SampledLogQ => "sampled",
        _ => "entropy",
    };

    private static string Dims(IReadOnlyList<string> over) => "[" + string.Join(", ", over) + "]";
}
