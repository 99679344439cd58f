using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Interpreter;

/// <summary>
/// Computes a model's bound from the IR by the textbook definition, sharing nothing with the planner or the
/// emitter: every joint value of the enumerated discrete variables is visited by brute force (one pass each, with
/// the batch), continuous latents are sampled in the guide's order from the given noise, and the pass's
/// Σ log p − Σ log q is weighted by the guide probability of that joint value. Gradients flow through the weights
/// it is given (a generated module's own parameters), so both value and gradient compare with the module's.
/// </summary>
public sealed class ReferenceInterpreter
{
    private readonly ModelIr _model;
    private readonly GuideIr _guide;
    private readonly IReadOnlyDictionary<string, Tensor> _weights;
    private readonly KlMode _mode;
    private readonly IReadOnlyList<FactorIr> _order;

    private readonly bool _labelObservedInKlRule;

    /// <param name="labelObservedInKlRule">
    /// Whether an observed label counts as observed in <see cref="KlRule"/> (true: the rule is decided per bound).
    /// False only to diagnose a generator that decides it once per guide.
    /// </param>
    public ReferenceInterpreter(ModelIr model, GuideIr guide, IReadOnlyDictionary<string, Tensor> weights, KlMode mode, bool labelObservedInKlRule = true)
    {
        _labelObservedInKlRule = labelObservedInKlRule;
        _model = model;
        _guide = guide;
        _weights = weights;
        _mode = mode;
        _order = SamplingOrder(guide, model);
    }

    internal ModelIr Model => _model;

    internal GuideIr Guide => _guide;

    internal IReadOnlyList<FactorIr> Order => _order;

    internal VariableIr? Label => _model.Variables.FirstOrDefault(v => v.Role == VariableRole.Label);

    public Tensor Bound(BoundKind kind, BoundInputs inputs) => Evaluate(kind, inputs).Bound;

    /// <summary>
    /// Analytic-mode bound minus textbook-mode bound at the same noise, computed term by term: only the closed-form
    /// terms differ between the two, and taking their difference directly keeps an overflow elsewhere (a likelihood
    /// at an extreme sample, the same in both) from hiding it. Zero in expectation when every closed form is valid.
    /// </summary>
    public Tensor ClosedFormGap(BoundKind kind, BoundInputs inputs) => Evaluate(kind, inputs).Gap;

    private (Tensor Bound, Tensor Gap) Evaluate(BoundKind kind, BoundInputs inputs)
    {
        var treatment = Treatment(kind);
        var enumerated = _order.Select(f => _model.FindVariable(f.Target)!)
            .Where(v => (v.Role == VariableRole.Latent && v.IsDiscrete) || (v.Role == VariableRole.Label && treatment == LabelTreatment.Enumerated))
            .ToList();
        var total = zeros(inputs.X.shape[0], dtype: float64);
        var gap = zeros(inputs.X.shape[0], dtype: float64);
        foreach (var assignment in Assignments(enumerated))
        {
            var pass = new ReferencePass(this, treatment, inputs, assignment).Run();
            gap = gap + pass.LogWeight.exp().detach() * pass.ClosedFormGap;
            var weight = pass.LogWeight.exp();
            total = total + weight * pass.Terms;
            if (treatment == LabelTreatment.Sampled)
                total = total + ScoreTerm(weight, pass, inputs.Baseline!);
        }
        return (total, gap);
    }

    /// <summary>
    /// The score-function part of the surrogate, zero in value: (f − b)·∇log q(y|·) with f and the weight
    /// detached, per joint value of the enumerated latents (so it stays right if q(y|·) depends on them).
    /// </summary>
    private static Tensor ScoreTerm(Tensor weight, ReferencePass.Result pass, Tensor baseline) =>
        weight.detach() * (pass.Terms.detach() - baseline.detach()) * (pass.LabelLogQ! - pass.LabelLogQ!.detach());

    /// <summary>Whether a continuous latent's term is the closed-form KL in this evaluation.</summary>
    internal bool UsesAnalyticKl(string variable, LabelTreatment treatment) =>
        _mode == KlMode.Naive || _mode == KlMode.Analytic && KlRule.AnalyticIsValid(_model, _guide, variable, treatment == LabelTreatment.Observed && _labelObservedInKlRule);

    internal Tensor Weight(string name) => _weights[name];

    internal IReadOnlyDictionary<string, Tensor> Weights => _weights;

    private LabelTreatment Treatment(BoundKind kind) => kind switch
    {
        BoundKind.Unsupervised => LabelTreatment.None,
        BoundKind.Labelled => LabelTreatment.Observed,
        BoundKind.Unlabelled => LabelTreatment.Enumerated,
        _ => _model.StrategyFor(Label!.Name) switch
        {
            InferenceStrategy.Relax => LabelTreatment.Relaxed,
            InferenceStrategy.Reinforce => LabelTreatment.Sampled,
            _ => LabelTreatment.Enumerated,
        },
    };

    /// <summary>Every joint value of the enumerated variables (one empty assignment when there are none).</summary>
    private static IEnumerable<IReadOnlyDictionary<string, int>> Assignments(IReadOnlyList<VariableIr> variables)
    {
        IEnumerable<Dictionary<string, int>> all = new[] { new Dictionary<string, int>() };
        foreach (var v in variables)
            all = all.SelectMany(partial => Enumerable.Range(0, v.Size).Select(k => new Dictionary<string, int>(partial) { [v.Name] = k }));
        return all;
    }

    /// <summary>A topological order of the guide's factors (conditions on latents come first), stable in the written order.</summary>
    private static IReadOnlyList<FactorIr> SamplingOrder(GuideIr guide, ModelIr model)
    {
        var done = new HashSet<string>(model.Variables.Where(v => v.Role == VariableRole.Data).Select(v => v.Name));
        var order = new List<FactorIr>();
        while (order.Count < guide.Factors.Count)
        {
            var next = guide.Factors.First(f => !done.Contains(f.Target) && f.Conditions.All(done.Contains));
            order.Add(next);
            done.Add(next.Target);
        }
        return order;
    }
}
