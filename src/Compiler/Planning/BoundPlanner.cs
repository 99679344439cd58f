using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Validation;

namespace ProbDsl.Compiler.Planning;

/// <summary>
/// Plans one bound method of a guide: every discrete variable enumerated in it (the label in U(x), and every
/// discrete latent) gets a dimension of its own in front of the batch, in sampling order; a value carries exactly
/// the enumerated dimensions of what it is computed from (a network's output those of its inputs); and the bound
/// is Σ q(values) (Σ terms − log q(values)) where each term is summed only over the closure of its dimensions.
/// </summary>
internal sealed class BoundPlanner
{
    private readonly GuidePlan _plan;
    private readonly BoundMode _mode;
    private readonly List<string> _enumerated;
    private readonly Dictionary<string, int> _values = new();
    private readonly Dictionary<string, int> _netOutputs = new();
    private readonly List<NetCallPlan> _netCalls = new();
    private readonly Dictionary<string, (int Loc, int Scale)> _guideNormals = new();
    private readonly List<(string Variable, int Dims)> _enumeratedLogQ = new();
    private readonly List<GuideStep> _steps = new();
    private readonly List<(TermPlan Term, int Dims)> _terms = new();
    private int _labelLogQ;

    private BoundPlanner(GuidePlan plan, BoundMode mode)
    {
        _plan = plan;
        _mode = mode;
        _enumerated = (mode == BoundMode.Enumerated && plan.Label is not null ? new[] { plan.Label } : Array.Empty<VariableIr>())
            .Concat(plan.DiscreteLatents).Select(v => v.Name).ToList();
    }

    public static BoundPlan Plan(GuidePlan plan, BoundMode mode, string method) => new BoundPlanner(plan, mode).Plan(method);

    private ModelIr Model => _plan.Model;

    private int Bit(string variable) => 1 << _enumerated.IndexOf(variable);

    private IReadOnlyList<string> Over(int dims) => _enumerated.Where(v => (dims & Bit(v)) != 0).ToList();

    private BoundPlan Plan(string method)
    {
        _values[_plan.Data.Name] = 0;
        foreach (var factor in _plan.SamplingOrder)
            PlanGuideFactor(factor);
        foreach (var factor in Model.Factors)
            PlanModelFactor(factor);
        var pieces = _terms.Where(t => t.Dims != 0)
            .Concat(_enumeratedLogQ.Select(q => (Term: new TermPlan("q:" + q.Variable, TermKind.EnumeratedLogQ,
                $"log {_plan.Guide.FactorFor(q.Variable)!.Signature('q')}", true, Over(q.Dims), null), q.Dims)))
            .ToList();
        var groups = new List<EliminationGroup>();
        var locals = new List<string>();
        foreach (var group in _enumerated.Count == 0 ? Enumerable.Empty<IGrouping<int, (TermPlan Term, int Dims)>>() : pieces.GroupBy(p => Closure(p.Dims)).OrderByDescending(g => g.Key))
        {
            locals.Add(LocalNames.Expectation(Over(group.Key), locals));
            groups.Add(new EliminationGroup(Over(group.Key), group.Select(p => p.Term.Key).ToList(), locals[locals.Count - 1]));
        }
        var terms = _terms.Select(t => t.Term).Concat(pieces.Where(p => p.Term.Kind == TermKind.EnumeratedLogQ).Select(p => p.Term)).ToList();
        return new BoundPlan(_mode, method, _enumerated, _steps, _netCalls, terms, groups);
    }

    /// <summary>The smallest set of enumerated variables containing <paramref name="dims"/> and closed under "log q_i depends on".</summary>
    private int Closure(int dims)
    {
        var closure = dims;
        while (true)
        {
            var grown = _enumeratedLogQ.Where(q => (closure & Bit(q.Variable)) != 0).Aggregate(closure, (c, q) => c | q.Dims);
            if (grown == closure)
                return closure;
            closure = grown;
        }
    }

    // ---- guide

    private void PlanGuideFactor(FactorIr factor)
    {
        var signature = factor.Signature('q');
        if (_enumerated.Contains(factor.Target))
        {
            var logits = ParameterDims(factor, 'q', "logits");
            var dim = _enumerated.IndexOf(factor.Target);
            _enumeratedLogQ.Add((factor.Target, logits | Bit(factor.Target)));
            _values[factor.Target] = Bit(factor.Target);
            _steps.Add(new GuideStep(factor.Target, signature, GuideStepKind.Enumerated, dim, Over(Bit(factor.Target))));
        }
        else if (factor.Target == _plan.Label?.Name)
        {
            var kind = _mode switch
            {
                BoundMode.Relaxed => GuideStepKind.Relaxed,
                BoundMode.Scored => GuideStepKind.ScoreFunction,
                _ => GuideStepKind.Observed,
            };
            _labelLogQ = kind == GuideStepKind.Observed ? 0 : ParameterDims(factor, 'q', "logits");
            _values[factor.Target] = _labelLogQ;
            _steps.Add(new GuideStep(factor.Target, signature, kind, null, Over(_labelLogQ)));
        }
        else
        {
            var loc = ParameterDims(factor, 'q', "loc");
            var scale = ParameterDims(factor, 'q', "scale");
            _values[factor.Target] = loc | scale;
            _guideNormals[factor.Target] = (loc, scale);
            _steps.Add(new GuideStep(factor.Target, signature, GuideStepKind.Reparameterised, null, Over(loc | scale)));
        }
    }

    // ---- parameters and network calls

    private int ParameterDims(FactorIr factor, char density, string parameter) =>
        _plan.Bindings(factor, density).Single(p => p.Parameter == parameter).Source is NetHeadSource head ? NetOutput(head.Net) : 0;

    /// <summary>Each network runs once per bound, however many parameters it feeds.</summary>
    private int NetOutput(NetIr net)
    {
        if (_netOutputs.TryGetValue(net.Name, out var existing))
            return existing;
        var inputs = net.Inputs.Select(i => (Input: i, Dims: _values[i])).ToList();
        var dims = inputs.Aggregate(0, (d, i) => d | i.Dims);
        _netOutputs[net.Name] = dims;
        _netCalls.Add(new NetCallPlan(net.Name, inputs.Select(i => (i.Input, Over(i.Dims))).ToList(), Over(dims)));
        return dims;
    }

    // ---- model

    private void PlanModelFactor(FactorIr factor)
    {
        var variable = Model.FindVariable(factor.Target)!;
        var p = factor.Signature('p');
        if (variable.Role == VariableRole.Data)
        {
            var dims = variable.Family.Parameters().Aggregate(0, (d, parameter) => d | ParameterDims(factor, 'p', parameter));
            AddTerm(new TermPlan("p:" + variable.Name, TermKind.Likelihood, $"log {p}", false, Over(dims), null), dims);
        }
        else if (variable.IsDiscrete)
        {
            PlanDiscretePrior(factor, variable);
        }
        else
        {
            PlanContinuousTerm(factor, _plan.TermFor(variable.Name, labelObserved: _mode == BoundMode.Labelled));
        }
    }

    private void PlanDiscretePrior(FactorIr factor, VariableIr variable)
    {
        var p = factor.Signature('p');
        var source = _plan.Bindings(factor, 'p').Single(b => b.Parameter == "logits").Source;
        if (_mode == BoundMode.Relaxed && variable.Name == _plan.Label?.Name)
        {
            var q = _plan.Guide.FactorFor(variable.Name)!.Signature('q');
            var dims = source is UniformSource ? _labelLogQ : _labelLogQ | ParameterDims(factor, 'p', "logits");
            AddTerm(new TermPlan("kl:" + variable.Name, TermKind.CategoricalKl, $"KL({q} || {p})", true, Over(dims),
                "both sides are categorical, so the relaxed label's term is the exact KL"), dims);
            return;
        }
        if (source is UniformSource)
        {
            AddTerm(new TermPlan("p:" + variable.Name, TermKind.UniformLogPrior, $"log {p} = log(1/{variable.Size})", false, Array.Empty<string>(), "uniform"), 0);
            return;
        }
        var logits = ParameterDims(factor, 'p', "logits");
        var all = _enumerated.Contains(variable.Name) ? logits | Bit(variable.Name) : logits;
        AddTerm(new TermPlan("p:" + variable.Name, TermKind.DiscreteLogPrior, $"log {p}", false, Over(all), null), all);
    }

    private void PlanContinuousTerm(FactorIr factor, ContinuousTerm choice)
    {
        var (qLoc, qScale) = _guideNormals[factor.Target];
        var prior = _plan.Bindings(factor, 'p').All(b => b.Source is ConstantSource)
            ? 0
            : ParameterDims(factor, 'p', "loc") | ParameterDims(factor, 'p', "scale");
        var q = _plan.Guide.FactorFor(factor.Target)!.Signature('q');
        var p = factor.Signature('p');
        if (choice.Kind == ContinuousTermKind.AnalyticKl)
        {
            var dims = qLoc | qScale | prior;
            AddTerm(new TermPlan("kl:" + factor.Target, TermKind.AnalyticKl, $"KL({q} || {p})", true, Over(dims),
                $"every parent of {factor.Target} in the model is observed or drawn before {factor.Target} in the guide"), dims);
            return;
        }
        var sample = _values[factor.Target];
        var why = $"the guide draws {string.Join(", ", choice.LateParents)} from {factor.Target}, so no closed-form KL";
        AddTerm(new TermPlan("p:" + factor.Target, TermKind.SampledLogP, $"log {p}", false, Over(sample | prior), why), sample | prior);
        AddTerm(new TermPlan("q:" + factor.Target, TermKind.SampledLogQ, $"log {q}", true, Over(sample | qLoc | qScale), why), sample | qLoc | qScale);
    }

    private void AddTerm(TermPlan term, int dims) => _terms.Add((term, dims));
}
