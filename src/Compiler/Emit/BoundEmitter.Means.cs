using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Validation;
using ProbDsl.Compiler.Planning;
using ProbDsl.Compiler.Naming;

namespace ProbDsl.Compiler.Emit;

/// <summary>
/// Means for reports: E_q[v | x] of a continuous latent under the guide, the discrete variables its guide factor
/// reads summed out exactly; and the mean of the data distribution under the model given the label and the
/// continuous latents' standard-normal noise (ancestral sampling).
/// </summary>
internal sealed partial class BoundEmitter
{
    public const string LatentParameter = "latent";

    public const string NoiseParameter = "noise";

    /// <summary>The continuous latents <paramref name="factor"/> reads, directly or through discrete ones: E_q has no closed form then.</summary>
    public static IReadOnlyList<string> ContinuousAncestors(GuidePlan plan, FactorIr factor) =>
        DrawnAncestors(plan, factor).Where(v => !v.IsDiscrete).Select(v => v.Name).ToList();

    /// <summary>The discrete variables <paramref name="factor"/> reads, directly or through others: q of its target given the data is a mixture over them.</summary>
    public static IReadOnlyList<string> DiscreteAncestors(GuidePlan plan, FactorIr factor) =>
        DrawnAncestors(plan, factor).Where(v => v.IsDiscrete).Select(v => v.Name).ToList();

    /// <summary>The variables the guide draws before <paramref name="factor"/> because it reads them, in sampling order.</summary>
    private static IReadOnlyList<VariableIr> DrawnAncestors(GuidePlan plan, FactorIr factor)
    {
        var ancestors = GuideDependencies.Ancestors(plan.Guide, factor.Conditions, name => plan.Model.FindVariable(name)?.Role != VariableRole.Data);
        return plan.SamplingOrder.Select(f => plan.Model.FindVariable(f.Target)!).Where(v => ancestors.Contains(v.Name)).ToList();
    }

    /// <summary>The body of E_q[v | x] for the continuous latent of <paramref name="factor"/>; see <see cref="ContinuousAncestors"/> for when it throws.</summary>
    public static void EmitGuideMean(SourceWriter w, GuidePlan plan, FactorIr factor) =>
        new BoundEmitter(plan, w, BoundMode.Enumerated).EmitGuideMeanBody(factor);

    private void EmitGuideMeanBody(FactorIr factor)
    {
        var late = ContinuousAncestors(_plan, factor);
        if (late.Count > 0)
        {
            var message = $"E_q[{factor.Target} | {_plan.Data.Name}] has no closed form under guide {_plan.Guide.Name}: " +
                $"{factor.Signature('q')} depends on {string.Join(", ", late)}, a continuous latent drawn before {factor.Target}, " +
                $"and the mean of {factor.Target}'s means would not be E_q[{factor.Target} | {_plan.Data.Name}]. GuideMean is exact, and offered, " +
                "only for latents whose guide factor reads the data and discrete variables alone.";
            _w.Line($"throw new global::System.NotSupportedException({Names.StringLiteral(message)});");
            return;
        }
        _w.Line("using var scope = NewDisposeScope();");
        _values[_plan.Data.Name] = new Value(Local(_plan.Data.Name), 0);
        var ancestors = GuideDependencies.Ancestors(_plan.Guide, factor.Conditions, name => Model.FindVariable(name)?.Role != VariableRole.Data);
        foreach (var discrete in _plan.SamplingOrder.Where(f => ancestors.Contains(f.Target)))
            EmitGuideFactor(_bound.Steps.First(step => step.Variable == discrete.Target));
        var size = Model.FindVariable(factor.Target)!.Size;
        var loc = TensorParameter(factor, 'q', "loc", size);
        var mean = loc.Expression;
        var dims = loc.Dims;
        if (factor.Distribution.Family == DistributionFamily.LogNormal)
        {
            var scale = TensorParameter(factor, 'q', "scale", size);
            mean = $"({loc.Expression} + {scale.Expression}.square() / 2).exp()";
            dims |= scale.Dims;
            _w.Line($"// The mean of a LogNormal: exp(loc + scale² / 2).");
        }
        if (dims == 0)
        {
            _w.Line($"return {mean}.MoveToOuterDisposeScope();");
            return;
        }
        var closure = Closure(dims);
        var variables = _enumerated.Where(v => (closure & Bit(v)) != 0).ToList();
        var logQ = string.Join(" + ", _enumeratedLogQ.Where(q => (closure & Bit(q.Variable)) != 0).Select(q => q.LogQ.Expression));
        _w.Line($"// Σ over {string.Join(", ", variables)} of q · the mean of {factor.Signature('q')}: exact.");
        _w.Line($"return global::ProbDsl.Inference.Models.ModelMeans.OverEnumerated({logQ}, {mean}, enumeratedDims: {Rank}, {X}).MoveToOuterDisposeScope();");
    }

    /// <summary>A parameter as a tensor [B, size]: a network head as it is, a number expanded to the batch.</summary>
    private Value TensorParameter(FactorIr factor, char density, string parameter, int size)
    {
        var value = ParameterValue(factor, density, parameter);
        if (Bind(factor, density).Single(p => p.Parameter == parameter).Source is not ConstantSource)
            return value;
        var batch = _values.TryGetValue(_plan.Data.Name, out var data) ? $"{data.Expression}.shape[0]" : $"{LabelIndexParameter(_plan)}.shape[0]";
        var like = _values.TryGetValue(_plan.Data.Name, out data) ? data.Expression : NoiseLike;
        return new Value($"full(new long[] {{ {batch}, {size} }}, {value.Expression}, dtype: {like}.dtype, device: {like}.device)", 0);
    }

    /// <summary>In <c>GenerateMean</c>, the tensor whose dtype and device the result takes.</summary>
    private string NoiseLike => Label;

    /// <summary>The body of GenerateMean(y, noise): the model's latents the data depends on, drawn from the noise; the data's mean.</summary>
    public static void EmitGenerateMean(SourceWriter w, GuidePlan plan) => new BoundEmitter(plan, w, BoundMode.Labelled).EmitGenerateMeanBody();

    private void EmitGenerateMeanBody()
    {
        var dataFactor = Model.FindFactor(_plan.Data.Name)!;
        var ancestors = ModelAncestors(dataFactor);
        var continuous = ContinuousLatentsOf(_plan);
        var sizes = string.Concat(continuous.Select(v => $", ({Names.StringLiteral(v.Name)}, {v.Size})"));
        _w.Line($"global::ProbDsl.Inference.Models.ModelMeans.CheckNoise({NoiseParameter}, {LabelIndexParameter(_plan)}{sizes});");
        _w.Line("using var scope = NewDisposeScope();");
        _w.Line($"var {Label} = global::ProbDsl.Inference.Models.ModelMeans.OneHotLabel({LabelIndexParameter(_plan)}, {LabelVariable.Size}, {NoiseParameter}, this);");
        _values[LabelVariable.Name] = new Value(Label, 0);
        var order = Graph.TopologicalOrder(Model.Factors.Where(f => ancestors.Contains(f.Target)).Select(f => (f.Target, (IEnumerable<string>)f.Conditions)), out _)!;
        var priorLogP = new List<Value>();
        foreach (var name in order.Where(n => n != LabelVariable.Name))
        {
            var variable = Model.FindVariable(name)!;
            if (variable.IsDiscrete)
                priorLogP.Add(EmitEnumeratedPrior(Model.FindFactor(name)!, variable));
            else
                EmitPriorSample(Model.FindFactor(name)!, continuous.Select(v => v.Name).ToList().IndexOf(name));
        }
        var family = dataFactor.Distribution.Family;
        var size = _plan.Data.Size;
        var dims = 0;
        string P(string parameter)
        {
            var value = TensorParameter(dataFactor, 'p', parameter, size);
            dims |= value.Dims;
            return value.Expression;
        }
        var mean = family switch
        {
            DistributionFamily.Bernoulli => $"{P("logits")}.sigmoid()",
            DistributionFamily.Normal => P("loc"),
            DistributionFamily.LogNormal => $"({P("loc")} + {P("scale")}.square() / 2).exp()",
            DistributionFamily.Beta => $"({P("concentration1")} / ({P("concentration1")} + {P("concentration0")}))",
            DistributionFamily.OneHotCategorical => $"F.softmax({P("logits")}, dim: -1)",
            _ => throw new System.InvalidOperationException($"No mean for {family} data."),
        };
        if (priorLogP.Count == 0 || dims == 0)
        {
            _w.Line($"// The mean of {dataFactor.Signature('p')}.");
            _w.Line($"return {mean}.MoveToOuterDisposeScope();");
            return;
        }
        // The discrete latents' joint prior weights every combination of their values; those the mean does not vary
        // with sum to one, exactly.
        var enumerated = _enumerated.Where(v => (dims & Bit(v)) != 0 || priorLogP.Any(p => (p.Dims & Bit(v)) != 0)).ToList();
        _w.Line($"// The mean of {dataFactor.Signature('p')}, {string.Join(", ", enumerated)} summed out under the prior: exact.");
        var joint = string.Join(" + ", priorLogP.Select(p => p.Expression));
        _w.Line($"return global::ProbDsl.Inference.Models.ModelMeans.OverEnumerated({joint}, {mean}, enumeratedDims: {Rank}, {LabelIndexParameter(_plan)}).MoveToOuterDisposeScope();");
    }

    /// <summary>A discrete latent of the model enumerated under its prior: log p on its own dimension, the one-hot support for its users.</summary>
    private Value EmitEnumeratedPrior(FactorIr prior, VariableIr variable)
    {
        var dim = _enumerated.IndexOf(variable.Name);
        var name = Local(variable.Name);
        var local = _plan.Locals.LogP(variable.Name);
        var logits = Bind(prior, 'p').Single(p => p.Parameter == "logits").Source is UniformSource
            ? new Value($"zeros(1, {variable.Size}, dtype: {Label}.dtype, device: {Label}.device)", 0)
            : ParameterValue(prior, 'p', "logits");
        _w.Line($"// {prior.Signature('p')} over all {variable.Size} values at once, on enumerated dimension {dim} of {Rank}.");
        _w.Line($"var {local} = Enumeration.LogProbsAt({logits.Expression}, dim: {dim}, enumeratedDims: {Rank});");
        _w.Line($"var {name} = Enumeration.OneHotSupport({variable.Size}, dim: {dim}, enumeratedDims: {Rank}, {Label});");
        _values[variable.Name] = new Value(name, Bit(variable.Name));
        return new Value(local, logits.Dims | Bit(variable.Name));
    }

    /// <summary>v = loc + scale·ε from the prior p(v | ·) and the caller's noise entry <paramref name="index"/> (exp of it for a LogNormal).</summary>
    private void EmitPriorSample(FactorIr prior, int index)
    {
        var name = Local(prior.Target);
        var epsilon = $"{NoiseParameter}[{index}]";
        var bound = Bind(prior, 'p');
        string normal;
        var dims = 0;
        if (bound.All(p => p.Source is ConstantSource))
        {
            var loc = ((ConstantSource)bound.Single(p => p.Parameter == "loc").Source).Value;
            var scale = ((ConstantSource)bound.Single(p => p.Parameter == "scale").Source).Value;
            normal = epsilon + (scale == 1 ? "" : $" * {Names.Literal(scale)}") + (loc == 0 ? "" : $" + {Names.Literal(loc)}");
        }
        else
        {
            var scale = ParameterValue(prior, 'p', "scale");
            var loc = ParameterValue(prior, 'p', "loc");
            normal = $"{epsilon} * {scale.Expression} + {loc.Expression}";
            dims = scale.Dims | loc.Dims;
        }
        var exponent = normal == epsilon ? normal : $"({normal})";
        _w.Line(prior.Distribution.Family == DistributionFamily.LogNormal
            ? $"var {name} = {exponent}.exp(); // {prior.Target} ~ {prior.Signature('p')}, reparameterised: the exponential of a Normal sample"
            : $"var {name} = {normal}; // {prior.Target} ~ {prior.Signature('p')}, reparameterised");
        _values[prior.Target] = new Value(name, dims);
    }

    /// <summary>The variables <paramref name="factor"/> depends on in the model, directly or through their own priors.</summary>
    private ISet<string> ModelAncestors(FactorIr factor)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>(factor.Conditions);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!found.Add(name))
                continue;
            foreach (var condition in Model.FindFactor(name)?.Conditions ?? EquatableArray<string>.Empty)
                pending.Push(condition);
        }
        return found;
    }

    /// <summary>The guide's continuous latents in sampling order: <c>ContinuousLatents</c>, and the order of GenerateMean's noise.</summary>
    public static IReadOnlyList<VariableIr> ContinuousLatentsOf(GuidePlan plan) =>
        plan.SamplingOrder.Select(f => plan.Model.FindVariable(f.Target)!).Where(v => v.Role == VariableRole.Latent && !v.IsDiscrete).ToList();
}
