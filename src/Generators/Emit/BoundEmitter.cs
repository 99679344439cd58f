using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Validation;
using ProbDsl.Generators.Planning;

namespace ProbDsl.Generators.Emit;

/// <summary>How the label enters a bound method.</summary>
internal enum BoundMode
{
    /// <summary>y observed: L(x, y).</summary>
    Labelled,

    /// <summary>y's K values on a leading dimension: the exact U(x).</summary>
    Enumerated,

    /// <summary>y replaced by a Concrete sample, with the analytic KL of q(y|x) to p(y): the relaxed surrogate.</summary>
    Relaxed,

    /// <summary>y sampled from q(y|x); the score-function surrogate whose value is the one-sample bound.</summary>
    Scored,
}

/// <summary>
/// Writes the body of a bound method. The labelled bound L(x, y) takes y as given; the unlabelled bound puts
/// y's K values on a leading dimension, so every tensor that depends on y has shape [K, B, ...] and every other
/// one [B, ...] (computed once, not K times), and finally U(x) = Σ_y q(y|x) (L(x, y) - log q(y|x)).
/// The relaxed surrogate samples ỹ ~ Concrete(q(y|x), τ), uses it where y is used, and subtracts KL(q(y|x) || p(y)).
/// </summary>
internal sealed class BoundEmitter
{
    private readonly GuidePlan _plan;
    private readonly SourceWriter _w;
    private readonly BoundMode _mode;
    private readonly Dictionary<string, Value> _values = new();
    private readonly Dictionary<string, Value> _netOutputs = new();
    private readonly Dictionary<string, (Value Loc, Value Scale)> _guideNormals = new();
    private readonly List<Term> _terms = new();

    private BoundEmitter(GuidePlan plan, SourceWriter w, BoundMode mode)
    {
        _plan = plan;
        _w = w;
        _mode = mode;
    }

    private bool Enumerate => _mode == BoundMode.Enumerated;

    /// <summary>A C# expression and whether it carries the enumeration dimension.</summary>
    private sealed record Value(string Expression, bool Enumerated);

    /// <summary>A summand of the bound: a [B] or [K, B] tensor, or a constant.</summary>
    private sealed record Term(string Expression, bool Subtract, bool Enumerated, bool IsConstant);

    private ModelIr Model => _plan.Model;

    private string Label => Names.Identifier(_plan.Label.Name);

    public static string LabelIndexParameter(GuidePlan plan) => Names.Camel(plan.Label.Name) + "Index";

    /// <summary>Locals the bound methods declare besides the variables' own names; a variable may not take one.</summary>
    public static IEnumerable<string> LocalNames(GuidePlan plan) =>
        new[] { "scope", "bound", LabelIndexParameter(plan), Names.Camel(plan.Label.Name) + "LogQ", Names.Camel("bound_given_" + plan.Label.Name) }
            .Concat(plan.Nets.Select(n => Names.Camel(n.Name) + "Out"))
            .Concat(plan.Model.Variables.SelectMany(v => new[] { "logP" + Names.Pascal(v.Name), "kl" + Names.Pascal(v.Name) }));

    public static void Emit(SourceWriter w, GuidePlan plan, BoundMode mode) => new BoundEmitter(plan, w, mode).Emit();

    private void Emit()
    {
        _w.Line("using var scope = NewDisposeScope();");
        _values[_plan.Data.Name] = new Value(Names.Identifier(_plan.Data.Name), false);
        _w.Line($"// Guide {_plan.Guide.Factorisation}, sampled in dependency order.");
        foreach (var factor in _plan.SamplingOrder)
            EmitGuideFactor(factor);
        _w.Line($"// Model {string.Join(" ", Model.Factors.Select(f => f.Signature('p')))}.");
        foreach (var factor in Model.Factors)
            EmitModelFactor(factor);
        EmitCombination();
        _w.Line("return bound.MoveToOuterDisposeScope();");
    }

    // ---- guide

    private void EmitGuideFactor(FactorIr factor)
    {
        if (factor.Target == _plan.Label.Name)
            EmitLabel(factor);
        else
            EmitNormalSample(factor);
    }

    private void EmitLabel(FactorIr factor)
    {
        var classes = _plan.Label.Size;
        if (_mode == BoundMode.Relaxed)
        {
            EmitRelaxedLabel(factor);
            return;
        }
        if (_mode == BoundMode.Scored)
        {
            EmitSampledLabel(factor);
            return;
        }
        if (_mode == BoundMode.Labelled)
        {
            _w.Line($"var {Label} = Enumeration.OneHot({LabelIndexParameter(_plan)}, {classes}, {_values[_plan.Data.Name].Expression});");
            _values[_plan.Label.Name] = new Value(Label, false);
            return;
        }
        var logits = ParameterValue(factor, 'q', "logits");
        _w.Line($"// {factor.Signature('q')} over all {classes} classes at once: log q is [K, B], {Label} is the [K, 1, K] one-hot support.");
        _w.Line($"var {LogQ} = F.log_softmax({logits.Expression}, dim: -1).t();");
        _w.Line($"var {Label} = Enumeration.OneHotSupport({classes}, {_values[_plan.Data.Name].Expression});");
        _values[_plan.Label.Name] = new Value(Label, true);
    }

    private string LogQ => Names.Camel(_plan.Label.Name) + "LogQ";

    private string Sample => Names.Camel(_plan.Label.Name) + "Sample";

    private string LogQSample => Names.Camel(_plan.Label.Name) + "LogQSample";

    /// <summary>Where the label's class indices come from: the caller when labelled, q(y|x) when sampled.</summary>
    private string LabelIndex => _mode == BoundMode.Scored ? Sample : LabelIndexParameter(_plan);

    private void EmitSampledLabel(FactorIr factor)
    {
        var logits = ParameterValue(factor, 'q', "logits");
        _w.Line($"var {LogQ} = F.log_softmax({logits.Expression}, dim: -1);");
        _w.Line($"// {_plan.Label.Name} ~ {factor.Signature('q')}, one discrete sample per example: no gradient flows through the draw.");
        _w.Line($"var {Sample} = ScoreFunction.SampleIndex({LogQ});");
        _w.Line($"var {LogQSample} = {LogQ}.gather(-1, {Sample}.unsqueeze(-1)).squeeze(-1);");
        _w.Line($"var {Label} = Enumeration.OneHot({Sample}, {_plan.Label.Size}, {_values[_plan.Data.Name].Expression});");
        _values[_plan.Label.Name] = new Value(Label, false);
    }

    private void EmitRelaxedLabel(FactorIr factor)
    {
        var logits = ParameterValue(factor, 'q', "logits");
        var hard = _plan.Model.Inference.First(i => i.Variable == _plan.Label.Name).Relaxation?.Hard == true;
        _w.Line($"var {LogQ} = F.log_softmax({logits.Expression}, dim: -1);");
        _w.Line($"// Relaxed {Label} ~ Concrete({factor.Signature('q')}, τ = Temperature){(hard ? ", straight-through" : "")}: reparameterised, [B, K].");
        _w.Line($"var {Label} = Relaxation.GumbelSoftmax({logits.Expression}, this.Temperature, hard: {(hard ? "true" : "false")});");
        _values[_plan.Label.Name] = new Value(Label, false);
    }

    private void EmitNormalSample(FactorIr factor)
    {
        var loc = ParameterValue(factor, 'q', "loc");
        var scale = ParameterValue(factor, 'q', "scale");
        var name = Names.Identifier(factor.Target);
        _w.Line($"var {name} = {loc.Expression} + {scale.Expression} * randn_like({loc.Expression}); // reparameterised");
        _values[factor.Target] = new Value(name, loc.Enumerated || scale.Enumerated);
        _guideNormals[factor.Target] = (loc, scale);
    }

    // ---- model

    private void EmitModelFactor(FactorIr factor)
    {
        var variable = Model.FindVariable(factor.Target)!;
        if (variable.Role == VariableRole.Data)
            EmitDataLikelihood(factor);
        else if (variable.Role == VariableRole.Label)
            EmitLabelPrior(factor);
        else
            EmitNormalKl(factor);
    }

    private void EmitDataLikelihood(FactorIr factor)
    {
        var logits = ParameterValue(factor, 'p', "logits");
        var local = "logP" + Names.Pascal(factor.Target);
        _w.Line($"var {local} = Densities.BernoulliLogProb({_values[factor.Target].Expression}, {logits.Expression});");
        _terms.Add(new Term(local, false, logits.Enumerated, false));
    }

    private void EmitLabelPrior(FactorIr factor)
    {
        var local = "logP" + Names.Pascal(factor.Target);
        var source = Bind(factor, 'p').Single(p => p.Parameter == "logits").Source;
        if (_mode == BoundMode.Relaxed)
        {
            EmitRelaxedLabelKl(factor, source);
            return;
        }
        if (source is UniformSource)
        {
            var logProbability = -Math.Log(_plan.Label.Size);
            _w.Line($"const double {local} = {Names.Literal(logProbability)}; // log(1/{_plan.Label.Size}): uniform");
            _terms.Add(new Term(local, false, false, true));
            return;
        }
        var logits = ParameterValue(factor, 'p', "logits");
        _w.Line(Enumerate
            ? $"var {local} = F.log_softmax({logits.Expression}, dim: -1).t();"
            : $"var {local} = Densities.CategoricalLogProb({LabelIndex}, {logits.Expression});");
        _terms.Add(new Term(local, false, Enumerate, false));
    }

    /// <summary>Both sides are categorical, so the y term of the relaxed surrogate is the exact -KL(q(y|·) || p(y)).</summary>
    private void EmitRelaxedLabelKl(FactorIr factor, ParameterSource prior)
    {
        var local = "kl" + Names.Pascal(factor.Target);
        _w.Line($"// KL({_plan.Guide.FactorFor(factor.Target)!.Signature('q')} || {factor.Signature('p')}) between categoricals, exactly.");
        _w.Line(prior is UniformSource
            ? $"var {local} = Densities.CategoricalKlToUniform({LogQ});"
            : $"var {local} = Densities.CategoricalKl({LogQ}, F.log_softmax({ParameterValue(factor, 'p', "logits").Expression}, dim: -1));");
        _terms.Add(new Term(local, true, false, false));
    }

    private void EmitNormalKl(FactorIr factor)
    {
        var (qLoc, qScale) = _guideNormals[factor.Target];
        var bound = Bind(factor, 'p');
        var local = "kl" + Names.Pascal(factor.Target);
        var enumerated = qLoc.Enumerated || qScale.Enumerated;
        string prior;
        if (bound.All(p => p.Source is ConstantSource))
        {
            prior = string.Join(", ", bound.Select(p => Names.Literal(((ConstantSource)p.Source).Value)));
        }
        else
        {
            var pLoc = ParameterValue(factor, 'p', "loc");
            var pScale = ParameterValue(factor, 'p', "scale");
            enumerated |= pLoc.Enumerated || pScale.Enumerated;
            prior = $"{pLoc.Expression}, {pScale.Expression}";
        }
        _w.Line($"// KL({_plan.Guide.FactorFor(factor.Target)!.Signature('q')} || {factor.Signature('p')}) in closed form.");
        _w.Line($"var {local} = Densities.NormalKl({qLoc.Expression}, {qScale.Expression}, {prior});");
        _terms.Add(new Term(local, true, enumerated, false));
    }

    // ---- combination

    private void EmitCombination()
    {
        if (_mode == BoundMode.Scored)
        {
            EmitScoreFunctionCombination();
            return;
        }
        if (!Enumerate)
        {
            _w.Line($"var bound = {Sum(_terms)};");
            return;
        }
        var dependent = _terms.Where(t => t.Enumerated).ToList();
        var independent = _terms.Where(t => !t.Enumerated).ToList();
        var givenLabel = Names.Camel("bound_given_" + _plan.Label.Name);
        _w.Line($"// Terms that depend on {_plan.Label.Name} are [K, B]; the rest are [B] and were computed once.");
        _w.Line($"var {givenLabel} = {(dependent.Count == 0 ? $"zeros_like({LogQ})" : Sum(dependent))};");
        var weighted = $"({LogQ}.exp() * ({givenLabel} - {LogQ})).sum(dim: 0)";
        _w.Line($"var bound = {Sum(new[] { new Term(weighted, false, false, false) }.Concat(independent).ToList())};");
    }

    /// <summary>
    /// The learning signal f = L(x, y) - log q(y|x) for the sampled y; its surrogate has value f and gradient
    /// ∇f + (f - b)·∇log q(y|x). The baseline is read before it is updated, so it never depends on this sample.
    /// </summary>
    private void EmitScoreFunctionCombination()
    {
        var reinforce = _plan.Model.Inference.First(i => i.Variable == _plan.Label.Name).Reinforce ?? ReinforceIr.Default;
        _w.Line($"var signal = {Sum(_terms)} - {LogQSample};");
        if (reinforce.Baseline == BaselineKind.None)
        {
            _w.Line($"var bound = ScoreFunction.Surrogate(signal, {LogQSample}, baseline: 0.0);");
            return;
        }
        _w.Line($"var bound = ScoreFunction.Surrogate(signal, {LogQSample}, this.{BaselineField}.Value);");
        _w.Line("if (this.training)");
        _w.Line($"    this.{BaselineField}.Update(signal);");
    }

    public const string BaselineField = "signalBaseline";

    /// <summary>Tensors first, so that every operator has a tensor on its left.</summary>
    private static string Sum(IReadOnlyList<Term> terms)
    {
        var ordered = terms.Where(t => !t.IsConstant).Concat(terms.Where(t => t.IsConstant)).ToList();
        var first = ordered[0].Subtract ? $"{ordered[0].Expression}.neg()" : ordered[0].Expression;
        return first + string.Concat(ordered.Skip(1).Select(t => (t.Subtract ? " - " : " + ") + t.Expression));
    }

    // ---- parameters and network calls

    private IReadOnlyList<BoundParameter> Bind(FactorIr factor, char density) =>
        ParameterBinder.Bind(Model, factor, density, "", new List<ProbDsl.Dsl.Diagnostics.DslDiagnostic>());

    private Value ParameterValue(FactorIr factor, char density, string parameter)
    {
        var source = Bind(factor, density).Single(p => p.Parameter == parameter).Source;
        return source switch
        {
            NetHeadSource head => HeadValue(head),
            ConstantSource constant => new Value(Names.Literal(constant.Value), false),
            _ => throw new InvalidOperationException($"No tensor value for {factor.Signature(density)}.{parameter}"),
        };
    }

    private Value HeadValue(NetHeadSource source)
    {
        var output = NetOutput(source.Net);
        return source.Net.Heads.Count == 1
            ? output
            : output with { Expression = $"{output.Expression}.{NetEmitter.OutputProperty(source.Head)}" };
    }

    /// <summary>Each network runs once per bound, however many parameters it feeds.</summary>
    private Value NetOutput(NetIr net)
    {
        if (_netOutputs.TryGetValue(net.Name, out var existing))
            return existing;
        var inputs = net.Inputs.Select(i => _values[i]).ToList();
        var local = Names.Camel(net.Name) + "Out";
        _w.Line($"var {local} = this.{Names.Identifier(net.Name)}.call({string.Join(", ", inputs.Select(i => i.Expression))});");
        var value = new Value(local, inputs.Any(i => i.Enumerated));
        _netOutputs[net.Name] = value;
        return value;
    }
}
