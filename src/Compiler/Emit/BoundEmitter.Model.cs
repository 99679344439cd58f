using System;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Compiler.Planning;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Validation;

namespace ProbDsl.Compiler.Emit;

/// <summary>The model's factors: each adds a log-density (or, for a Normal latent, minus a closed-form KL) term.</summary>
internal sealed partial class BoundEmitter
{
    private void EmitModelFactor(FactorIr factor)
    {
        var variable = Model.FindVariable(factor.Target)!;
        switch (_bound.Terms.First(t => t.Key == "p:" + variable.Name || t.Key == "kl:" + variable.Name).Kind)
        {
            case TermKind.Likelihood:
                EmitDataLikelihood(factor);
                break;
            case TermKind.CategoricalKl:
                EmitRelaxedLabelKl(factor, Bind(factor, 'p').Single(p => p.Parameter == "logits").Source);
                break;
            case TermKind.UniformLogPrior or TermKind.DiscreteLogPrior:
                EmitDiscretePrior(factor, variable);
                break;
            case TermKind.AnalyticKl:
                EmitContinuousKl(factor);
                break;
            default:
                EmitSampledContinuousTerm(factor);
                break;
        }
    }

    /// <summary>log p(x | ·) of the observed data, by family; the planner let through only parameters these can take.</summary>
    private void EmitDataLikelihood(FactorIr factor)
    {
        var family = factor.Distribution.Family;
        var parameters = family.Parameters().Select(p => ParameterValue(factor, 'p', p)).ToList();
        var local = _plan.Locals.LogP(factor.Target);
        var function = family switch
        {
            DistributionFamily.Bernoulli => "BernoulliLogProb",
            DistributionFamily.Normal => "NormalLogProb",
            DistributionFamily.LogNormal => "LogNormalLogProb",
            DistributionFamily.Beta => "BetaLogProb",
            DistributionFamily.OneHotCategorical => "OneHotCategoricalLogProb",
            _ => throw new InvalidOperationException($"No log-density for {family} data."),
        };
        var arguments = string.Join(", ", parameters.Select(p => p.Expression));
        _w.Line($"var {local} = Densities.{function}({_values[factor.Target].Expression}, {arguments});");
        _terms.Add(new Term("p:" + factor.Target, local, false, parameters.Aggregate(0, (dims, p) => dims | p.Dims), false));
    }

    private void EmitDiscretePrior(FactorIr factor, VariableIr variable)
    {
        var local = _plan.Locals.LogP(factor.Target);
        var source = Bind(factor, 'p').Single(p => p.Parameter == "logits").Source;
        if (source is UniformSource)
        {
            _w.Line($"const double {local} = {Names.Literal(-Math.Log(variable.Size))}; // log(1/{variable.Size}): uniform");
            _terms.Add(new Term("p:" + factor.Target, local, false, 0, true));
            return;
        }
        var logits = ParameterValue(factor, 'p', "logits");
        if (IsEnumerated(variable.Name))
        {
            var dim = _enumerated.IndexOf(variable.Name);
            _w.Line($"var {local} = Enumeration.LogProbsAt({logits.Expression}, dim: {dim}, enumeratedDims: {Rank});");
            _terms.Add(new Term("p:" + factor.Target, local, false, logits.Dims | Bit(variable.Name), false));
            return;
        }
        var index = _mode == BoundMode.Scored ? Sample : LabelIndexParameter(_plan);
        _w.Line($"var {local} = Densities.CategoricalLogProb({index}, {logits.Expression});");
        _terms.Add(new Term("p:" + factor.Target, local, false, logits.Dims, false));
    }

    /// <summary>Both sides are categorical, so the y term of the relaxed surrogate is the exact -KL(q(y|·) || p(y)).</summary>
    private void EmitRelaxedLabelKl(FactorIr factor, ParameterSource prior)
    {
        var local = _plan.Locals.Kl(factor.Target);
        var logQ = _labelLogQ!;
        _w.Line($"// KL({_plan.Guide.FactorFor(factor.Target)!.Signature('q')} || {factor.Signature('p')}) between categoricals, exactly.");
        if (prior is UniformSource)
        {
            _w.Line($"var {local} = Densities.CategoricalKlToUniform({logQ.Expression});");
            _terms.Add(new Term("kl:" + factor.Target, local, true, logQ.Dims, false));
            return;
        }
        var logits = ParameterValue(factor, 'p', "logits");
        _w.Line($"var {local} = Densities.CategoricalKl({logQ.Expression}, F.log_softmax({logits.Expression}, dim: -1));");
        _terms.Add(new Term("kl:" + factor.Target, local, true, logQ.Dims | logits.Dims, false));
    }

    /// <summary>
    /// −KL(q || p) in closed form: guide and prior share a family (the validator checks it), and a LogNormal's KL is
    /// its log's Normal KL (KL is invariant under the bijection exp), so both are one formula in (loc, scale).
    /// </summary>
    private void EmitContinuousKl(FactorIr factor)
    {
        var (qLoc, qScale) = _guideNormals[factor.Target];
        var prior = PriorArguments(factor);
        var local = _plan.Locals.Kl(factor.Target);
        _w.Line($"// KL({_plan.Guide.FactorFor(factor.Target)!.Signature('q')} || {factor.Signature('p')}) in closed form.");
        var function = factor.Distribution.Family == DistributionFamily.LogNormal ? "LogNormalKl" : "NormalKl";
        _w.Line($"var {local} = Densities.{function}({qLoc.Expression}, {qScale.Expression}, {prior.Expression});");
        _terms.Add(new Term("kl:" + factor.Target, local, true, qLoc.Dims | qScale.Dims | prior.Dims, false));
    }

    /// <summary>
    /// log p(v|pa) − log q(v|·) at the guide's sample of v, where a parent is drawn from v and the closed-form KL
    /// would be wrong (<see cref="ContinuousTermRule"/>). For a LogNormal both densities carry the same Jacobian
    /// 1/v, which cancels in the difference.
    /// </summary>
    private void EmitSampledContinuousTerm(FactorIr factor)
    {
        var sample = _values[factor.Target];
        var (qLoc, qScale) = _guideNormals[factor.Target];
        var prior = PriorArguments(factor);
        var function = factor.Distribution.Family == DistributionFamily.LogNormal ? "LogNormalLogProb" : "NormalLogProb";
        var logP = _plan.Locals.LogP(factor.Target);
        var logQ = _plan.Locals.SampledLogQ(factor.Target);
        var late = string.Join(", ", _plan.TermFor(factor.Target, labelObserved: _mode == BoundMode.Labelled).LateParents);
        _w.Line($"// log {factor.Signature('p')} - log {_plan.Guide.FactorFor(factor.Target)!.Signature('q')} at the sample: the guide draws {late} from {factor.Target}, so no closed-form KL.");
        _w.Line($"var {logP} = Densities.{function}({sample.Expression}, {prior.Expression});");
        _w.Line($"var {logQ} = Densities.{function}({sample.Expression}, {qLoc.Expression}, {qScale.Expression});");
        _terms.Add(new Term("p:" + factor.Target, logP, false, sample.Dims | prior.Dims, false));
        _terms.Add(new Term("q:" + factor.Target, logQ, true, sample.Dims | qLoc.Dims | qScale.Dims, false));
    }

    /// <summary>A continuous prior's (loc, scale) as arguments: numbers, or network heads with their enumerated dimensions.</summary>
    private Value PriorArguments(FactorIr factor)
    {
        var bound = Bind(factor, 'p');
        if (bound.All(p => p.Source is ConstantSource))
            return new Value(string.Join(", ", bound.Select(p => Names.Literal(((ConstantSource)p.Source).Value))), 0);
        var loc = ParameterValue(factor, 'p', "loc");
        var scale = ParameterValue(factor, 'p', "scale");
        return new Value($"{loc.Expression}, {scale.Expression}", loc.Dims | scale.Dims);
    }
}
