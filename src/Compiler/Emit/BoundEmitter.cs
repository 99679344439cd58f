using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Compiler.Planning;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Validation;

namespace ProbDsl.Compiler.Emit;

/// <summary>
/// Writes the body of a bound method. Every discrete variable enumerated in this bound (the label in U(x), and
/// every discrete latent) gets a dimension of its own in front of the batch: a tensor has exactly the enumerated
/// dimensions of what it depends on (computed once for everything else), and the bound is
/// Σ q(values) (Σ terms − log q(values)) over those dimensions. The labelled bound takes y as given; the relaxed
/// surrogate uses a Concrete sample of y and the exact −KL(q(y|·) ‖ p(y)); the score-function surrogate samples y.
/// </summary>
internal sealed partial class BoundEmitter
{
    private readonly GuidePlan _plan;
    private readonly SourceWriter _w;
    private readonly BoundMode _mode;
    private readonly BoundPlan _bound;
    private readonly List<string> _enumerated;
    private readonly Dictionary<string, Value> _values = new();
    private readonly Dictionary<string, Value> _netOutputs = new();
    private readonly Dictionary<string, (Value Loc, Value Scale)> _guideNormals = new();
    private readonly List<(string Variable, Value LogQ)> _enumeratedLogQ = new();
    private readonly List<Term> _terms = new();

    /// <summary>log q(y|·) of a relaxed or sampled label, [B, K] (its dimensions are those of the label's logits).</summary>
    private Value? _labelLogQ;

    private BoundEmitter(GuidePlan plan, SourceWriter w, BoundMode mode)
    {
        _plan = plan;
        _w = w;
        _mode = mode;
        _bound = plan.Bound(mode);
        _enumerated = _bound.Enumerated.ToList();
    }

    /// <summary>A C# expression and the enumerated dimensions it carries (a bit per enumerated variable).</summary>
    private sealed record Value(string Expression, int Dims);

    /// <summary>A summand of the bound: a tensor over its enumerated dimensions and the batch, or a constant; <c>Key</c> is its plan's.</summary>
    private sealed record Term(string Key, string Expression, bool Subtract, int Dims, bool IsConstant);

    private ModelIr Model => _plan.Model;

    private int Rank => _enumerated.Count;

    /// <summary>The label; the label-only paths (labelled, relaxed, scored) exist only for semi-supervised models.</summary>
    private VariableIr LabelVariable => _plan.Label ?? throw new InvalidOperationException("This model has no label.");

    private string Label => Local(LabelVariable.Name);

    /// <summary>The local holding a variable's value, as the plan named it.</summary>
    private string Local(string variable) => _plan.Locals.Variable(variable);

    private string X => _values[_plan.Data.Name].Expression;

    public static string LabelIndexParameter(GuidePlan plan) => plan.Locals.LabelIndex;

    private string LogQOf(string variable) => _plan.Locals.LogQ(variable);

    private string Sample => _plan.Locals.Sample;

    private string LogQSample => _plan.Locals.LogQSample;

    public const string BaselineField = LocalNames.BaselineField;

    public const string LearnedBaselineField = LocalNames.LearnedBaselineField;

    public static void Emit(SourceWriter w, GuidePlan plan, BoundMode mode) => new BoundEmitter(plan, w, mode).Emit();

    /// <summary>The body of a method returning the logits of q(y|·) after drawing the latents it reads, once each.</summary>
    public static void EmitSampledClassLogits(SourceWriter w, GuidePlan plan) => new BoundEmitter(plan, w, BoundMode.Labelled).EmitClassifier();

    private void EmitClassifier()
    {
        _w.Line("using var scope = NewDisposeScope();");
        _values[_plan.Data.Name] = new Value(Local(_plan.Data.Name), 0);
        foreach (var factor in _plan.LabelAncestors)
            EmitContinuousSample(factor);
        var logits = ParameterValue(_plan.Guide.FactorFor(LabelVariable.Name)!, 'q', "logits");
        _w.Line($"return {logits.Expression}.MoveToOuterDisposeScope();");
    }

    private void Emit()
    {
        EmitGuideAndModel();
        EmitCombination();
        _w.Line("return bound.MoveToOuterDisposeScope();");
    }

    /// <summary>Everything before the terms are combined: the guide's draws and every factor's term (see <see cref="_terms"/>).</summary>
    private void EmitGuideAndModel()
    {
        _w.Line("using var scope = NewDisposeScope();");
        _values[_plan.Data.Name] = new Value(Local(_plan.Data.Name), 0);
        _w.Line($"// Guide {_plan.Guide.Factorisation}, sampled in dependency order.");
        foreach (var step in _bound.Steps)
            EmitGuideFactor(step);
        _w.Line($"// Model {string.Join(" ", Model.Factors.Select(f => f.Signature('p')))}.");
        foreach (var factor in Model.Factors)
            EmitModelFactor(factor);
    }

    private int Bit(string variable) => 1 << _enumerated.IndexOf(variable);

    private bool IsEnumerated(string variable) => _enumerated.Contains(variable);

    // ---- guide

    /// <summary>A guide factor, as the plan treats it in this bound.</summary>
    private void EmitGuideFactor(GuideStep step)
    {
        var factor = _plan.Guide.FactorFor(step.Variable)!;
        switch (step.Kind)
        {
            case GuideStepKind.Enumerated:
                EmitEnumeratedSupport(factor);
                break;
            case GuideStepKind.Relaxed:
                EmitRelaxedLabel(factor);
                break;
            case GuideStepKind.ScoreFunction:
                EmitSampledLabel(factor);
                break;
            case GuideStepKind.Observed:
                _w.Line($"var {Label} = Enumeration.OneHot({LabelIndexParameter(_plan)}, {LabelVariable.Size}, {X});");
                _values[LabelVariable.Name] = new Value(Label, 0);
                break;
            default:
                EmitContinuousSample(factor);
                break;
        }
    }

    /// <summary>All values of a discrete variable at once: log q on its dimension, the one-hot support for its users.</summary>
    private void EmitEnumeratedSupport(FactorIr factor)
    {
        var variable = Model.FindVariable(factor.Target)!;
        var dim = _enumerated.IndexOf(variable.Name);
        var logits = ParameterValue(factor, 'q', "logits");
        var name = Local(variable.Name);
        _w.Line($"// {factor.Signature('q')} over all {variable.Size} values at once, on enumerated dimension {dim} of {Rank}.");
        _w.Line($"var {LogQOf(variable.Name)} = Enumeration.LogProbsAt({logits.Expression}, dim: {dim}, enumeratedDims: {Rank});");
        _w.Line($"var {name} = Enumeration.OneHotSupport({variable.Size}, dim: {dim}, enumeratedDims: {Rank}, {X});");
        _enumeratedLogQ.Add((variable.Name, new Value(LogQOf(variable.Name), logits.Dims | Bit(variable.Name))));
        _values[variable.Name] = new Value(name, Bit(variable.Name));
    }

    private void EmitSampledLabel(FactorIr factor)
    {
        var logits = ParameterValue(factor, 'q', "logits");
        var logQ = LogQOf(LabelVariable.Name);
        _w.Line($"var {logQ} = F.log_softmax({logits.Expression}, dim: -1);");
        _labelLogQ = new Value(logQ, logits.Dims);
        _w.Line($"// {LabelVariable.Name} ~ {factor.Signature('q')}, one discrete sample per example: no gradient flows through the draw.");
        _w.Line($"var {Sample} = ScoreFunction.SampleIndex({logQ}, {Names.StringLiteral(LabelVariable.Name)});");
        _w.Line($"var {LogQSample} = {logQ}.gather(-1, {Sample}.unsqueeze(-1)).squeeze(-1);");
        _w.Line($"var {Label} = Enumeration.OneHot({Sample}, {LabelVariable.Size}, {X});");
        _values[LabelVariable.Name] = new Value(Label, _labelLogQ!.Dims);
    }

    private void EmitRelaxedLabel(FactorIr factor)
    {
        var logits = ParameterValue(factor, 'q', "logits");
        var hard = _plan.Relaxation!.Hard;
        _w.Line($"var {LogQOf(LabelVariable.Name)} = F.log_softmax({logits.Expression}, dim: -1);");
        _labelLogQ = new Value(LogQOf(LabelVariable.Name), logits.Dims);
        _w.Line($"// Relaxed {Label} ~ Concrete({factor.Signature('q')}, τ = Temperature){(hard ? ", straight-through" : "")}: reparameterised, [B, K].");
        _w.Line($"var {Label} = Relaxation.GumbelSoftmax({logits.Expression}, this.Temperature, hard: {(hard ? "true" : "false")}, variable: {Names.StringLiteral(LabelVariable.Name)});");
        _values[LabelVariable.Name] = new Value(Label, _labelLogQ!.Dims);
    }

    /// <summary>
    /// A reparameterised sample: loc + scale·ε for a Normal; its exponential for a LogNormal, whose log is that
    /// Normal. Either way the KL term needs only (loc, scale) of the underlying Normal.
    /// </summary>
    private void EmitContinuousSample(FactorIr factor)
    {
        var loc = ParameterValue(factor, 'q', "loc");
        var scale = ParameterValue(factor, 'q', "scale");
        var name = Local(factor.Target);
        var normal = $"{loc.Expression} + {scale.Expression} * Noise.StandardNormal({Names.StringLiteral(factor.Target)}, {loc.Expression}, {X})";
        _w.Line(factor.Distribution.Family == DistributionFamily.LogNormal
            ? $"var {name} = ({normal}).exp(); // reparameterised: the exponential of a Normal sample"
            : $"var {name} = {normal}; // reparameterised");
        _values[factor.Target] = new Value(name, loc.Dims | scale.Dims);
        _guideNormals[factor.Target] = (loc, scale);
    }

    // ---- parameters and network calls

    /// <summary>A factor's parameters, as the checker bound them.</summary>
    private IReadOnlyList<BoundParameter> Bind(FactorIr factor, char density) => _plan.Bindings(factor, density);

    private Value ParameterValue(FactorIr factor, char density, string parameter)
    {
        var source = Bind(factor, density).Single(p => p.Parameter == parameter).Source;
        return source switch
        {
            NetHeadSource head => HeadValue(head),
            ConstantSource constant => new Value(Names.Literal(constant.Value), 0),
            _ => throw new InvalidOperationException($"No tensor value for {factor.Signature(density)}.{parameter}"),
        };
    }

    private Value HeadValue(NetHeadSource source)
    {
        var output = NetOutput(source.Net);
        return source.Net.Heads.Count == 1
            ? output
            : output with { Expression = $"{output.Expression}.{_plan.Locals.OutputProperty(source.Net, source.Head)}" };
    }

    /// <summary>Each network runs once per bound, however many parameters it feeds.</summary>
    private Value NetOutput(NetIr net)
    {
        if (_netOutputs.TryGetValue(net.Name, out var existing))
            return existing;
        var inputs = net.Inputs.Select(i => _values[i]).ToList();
        var local = _plan.Locals.NetOutput(net.Name);
        _w.Line($"var {local} = this.{Names.Identifier(net.Name)}.call({string.Join(", ", inputs.Select(i => i.Expression))});");
        var value = new Value(local, inputs.Aggregate(0, (dims, i) => dims | i.Dims));
        _netOutputs[net.Name] = value;
        return value;
    }
}
