using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Interpreter;

/// <summary>
/// One pass of the interpreter at one joint value of the enumerated variables: the guide sampled in order, then
/// every model factor scored. Everything has the batch as its only leading dimension.
/// </summary>
internal sealed class ReferencePass
{
    /// <summary>
    /// log Π q(enumerated values | ·) [B]; Σ log p − Σ log q [B] of this pass; log q(y | ·) at the sampled label; and
    /// the closed-form gap [B]: Σ over the closed-form terms of (−KL) − (log p − log q at the sample), zero in
    /// expectation when each closed form is valid.
    /// </summary>
    public sealed record Result(Tensor LogWeight, Tensor Terms, Tensor? LabelLogQ, Tensor ClosedFormGap);

    private readonly ReferenceInterpreter _interpreter;
    private readonly LabelTreatment _label;
    private readonly BoundInputs _inputs;
    private readonly IReadOnlyDictionary<string, int> _assignment;
    private readonly Dictionary<string, Tensor> _values = new();
    private readonly Dictionary<string, IReadOnlyDictionary<(string, string), Tensor>> _netOutputs = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, Tensor>> _guideParameters = new();
    private readonly long _batch;
    private Tensor _logWeight;
    private Tensor _terms;
    private Tensor? _labelLogQ;
    private Tensor? _labelLogits;
    private Tensor _closedFormGap;

    public ReferencePass(ReferenceInterpreter interpreter, LabelTreatment label, BoundInputs inputs, IReadOnlyDictionary<string, int> assignment)
    {
        _interpreter = interpreter;
        _label = label;
        _inputs = inputs;
        _assignment = assignment;
        _batch = inputs.X.shape[0];
        _logWeight = zeros(_batch, dtype: float64);
        _terms = zeros(_batch, dtype: float64);
        _closedFormGap = zeros(_batch, dtype: float64);
    }

    private ModelIr Model => _interpreter.Model;

    public Result Run()
    {
        _values[Model.Variables.Single(v => v.Role == VariableRole.Data).Name] = _inputs.X;
        foreach (var factor in _interpreter.Order)
            SampleGuideFactor(factor);
        foreach (var factor in Model.Factors)
            ScoreModelFactor(factor);
        if (_label == LabelTreatment.Sampled)
            _terms = _terms - _labelLogQ!;
        return new Result(_logWeight, _terms, _labelLogQ, _closedFormGap);
    }

    // ---- guide

    private void SampleGuideFactor(FactorIr factor)
    {
        var variable = Model.FindVariable(factor.Target)!;
        var parameters = Parameters(factor);
        if (_assignment.TryGetValue(variable.Name, out var k))
            TakeEnumeratedValue(variable, k, parameters["logits"]);
        else if (variable.Role == VariableRole.Label)
            TakeLabel(variable, parameters["logits"]);
        else
            SampleContinuous(variable, parameters);
    }

    /// <summary>The k-th value of a discrete variable: its guide probability weights the pass, −log q is a term (the entropy).</summary>
    private void TakeEnumeratedValue(VariableIr variable, int k, Tensor logits)
    {
        var logQ = ReferenceDensities.LogSoftmax(logits).select(-1, k);
        _logWeight = _logWeight + logQ;
        _terms = _terms - logQ;
        _values[variable.Name] = OneHot(full(_batch, (long)k, dtype: int64), variable.Size);
    }

    private void TakeLabel(VariableIr label, Tensor logits)
    {
        switch (_label)
        {
            case LabelTreatment.Observed:
                _values[label.Name] = OneHot(_inputs.Label!, label.Size);
                break;
            case LabelTreatment.Relaxed:
                _labelLogits = logits.expand(_batch, label.Size);
                _values[label.Name] = Concrete(_labelLogits, _inputs.Noise.GumbelOf(label.Name));
                break;
            default:
                var index = _inputs.Noise.IndexOf(label.Name);
                _labelLogQ = ReferenceDensities.LogSoftmax(logits.expand(_batch, label.Size)).gather(-1, index.unsqueeze(-1)).squeeze(-1);
                _values[label.Name] = OneHot(index, label.Size);
                break;
        }
    }

    /// <summary>ỹ = softmax((logits + g) / τ); straight-through when hard: one-hot argmax forward, the soft sample's gradient.</summary>
    private Tensor Concrete(Tensor logits, Tensor gumbel)
    {
        var soft = ((logits + gumbel) / _inputs.Temperature).softmax(-1);
        var relaxation = Model.Inference.First(i => i.Variable == _interpreter.Label!.Name).Relaxation ?? RelaxationIr.Default;
        return relaxation.Hard ? OneHot(soft.argmax(-1), (int)soft.shape[^1]) - soft.detach() + soft : soft;
    }

    /// <summary>Reparameterised: u = loc + scale·ε with the given ε; a LogNormal latent is exp(u).</summary>
    private void SampleContinuous(VariableIr variable, IReadOnlyDictionary<string, Tensor> parameters)
    {
        var u = parameters["loc"] + parameters["scale"] * _inputs.Noise.Epsilon(variable.Name);
        _values[variable.Name] = variable.Family == DistributionFamily.LogNormal ? u.exp() : u;
        _guideParameters[variable.Name] = parameters;
    }

    // ---- model

    private void ScoreModelFactor(FactorIr factor)
    {
        var variable = Model.FindVariable(factor.Target)!;
        var parameters = Parameters(factor);
        if (variable.Role == VariableRole.Label && _label == LabelTreatment.Relaxed)
            _terms = _terms - ReferenceDensities.CategoricalKl(_labelLogits!, parameters["logits"]);
        else if (variable.IsDiscrete)
            _terms = _terms + ReferenceDensities.OneHot(_values[variable.Name], parameters["logits"]);
        else if (variable.Role == VariableRole.Data)
            _terms = _terms + LogDensity(variable.Family, _values[variable.Name], parameters);
        else
            _terms = _terms + ContinuousTerm(variable, parameters);
    }

    /// <summary>log p(v | pa) − log q(v | ·) at the sample, or −KL(q ‖ p) where the interpreter's rule allows it.</summary>
    private Tensor ContinuousTerm(VariableIr variable, IReadOnlyDictionary<string, Tensor> prior)
    {
        var guide = _guideParameters[variable.Name];
        var value = _values[variable.Name];
        var sampled = LogDensity(variable.Family, value, prior) - LogDensity(variable.Family, value, guide);
        if (!_interpreter.UsesAnalyticKl(variable.Name, _label))
            return sampled;
        // A LogNormal's KL is its log's Normal KL: KL is invariant under the bijection exp.
        var closedForm = ReferenceDensities.NormalKl(guide["loc"], guide["scale"], prior["loc"], prior["scale"]).neg().expand(_batch);
        _closedFormGap = _closedFormGap + (closedForm - sampled).detach();
        return closedForm;
    }

    private static Tensor LogDensity(DistributionFamily family, Tensor value, IReadOnlyDictionary<string, Tensor> p) => family switch
    {
        DistributionFamily.Normal => ReferenceDensities.Normal(value, p["loc"], p["scale"]),
        DistributionFamily.LogNormal => ReferenceDensities.LogNormal(value, p["loc"], p["scale"]),
        DistributionFamily.Bernoulli => ReferenceDensities.Bernoulli(value, p["logits"]),
        DistributionFamily.Beta => ReferenceDensities.Beta(value, p["concentration1"], p["concentration0"]),
        _ => ReferenceDensities.OneHot(value, p["logits"]),
    };

    // ---- parameters

    private IReadOnlyDictionary<string, Tensor> Parameters(FactorIr factor) => FactorParameters.Of(Model, factor, RunNet);

    /// <summary>Each network runs once per pass: its inputs have one value in a pass.</summary>
    private IReadOnlyDictionary<(string, string), Tensor> RunNet(NetIr net)
    {
        if (!_netOutputs.TryGetValue(net.Name, out var outputs))
            _netOutputs[net.Name] = outputs = ReferenceNet.Run(net, _interpreter.Weights, net.Inputs.Select(i => _values[i]).ToList());
        return outputs;
    }

    private static Tensor OneHot(Tensor index, int classes) => nn.functional.one_hot(index, classes).to(float64);
}
