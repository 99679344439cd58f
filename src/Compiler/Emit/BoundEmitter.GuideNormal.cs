using ProbDsl.Dsl.Ir;
using ProbDsl.Compiler.Planning;
using ProbDsl.Compiler.Naming;

namespace ProbDsl.Compiler.Emit;

/// <summary>
/// q(v | x) as a Normal's loc and scale, for a model whose latent feeds another model as data (Kingma et al.'s
/// M1+M2 draws z1 ~ q(z1|x) afresh each batch from them). Offered only where that is exactly q(v | x): a Normal
/// factor whose conditions are data alone. Reading a discrete latent would make q(v | x) a mixture, and a
/// continuous one a continuous mixture; neither is a Normal, so neither is approximated by one.
/// </summary>
internal sealed partial class BoundEmitter
{
    /// <summary>Why q(v | x) of <paramref name="factor"/>'s latent is not exactly a Normal's loc and scale of the data, or null when it is.</summary>
    public static string? GuideNormalRefusal(GuidePlan plan, FactorIr factor)
    {
        var (target, data, signature) = (factor.Target, plan.Data.Name, factor.Signature('q'));
        if (factor.Distribution.Family != DistributionFamily.Normal)
            return $"{signature} is a {factor.Distribution.Family}, not a Normal";
        var continuous = ContinuousAncestors(plan, factor);
        if (continuous.Count > 0)
            return $"{signature} reads {string.Join(", ", continuous)}, a continuous latent drawn before {target}, " +
                $"so q({target} | {data}) is a continuous mixture of Normals, not a Normal";
        var discrete = DiscreteAncestors(plan, factor);
        if (discrete.Count > 0)
            return $"{signature} reads {string.Join(", ", discrete)}, a discrete variable, " +
                $"so q({target} | {data}) = Σ_{string.Join(",", discrete)} q(·) {signature} is a mixture of Normals, not a Normal";
        return null;
    }

    /// <summary>The body of GuideNormal for <paramref name="factor"/>'s latent: its loc and scale, or the refusal thrown.</summary>
    public static void EmitGuideNormal(SourceWriter w, GuidePlan plan, FactorIr factor) =>
        new BoundEmitter(plan, w, BoundMode.Enumerated).EmitGuideNormalBody(factor);

    private void EmitGuideNormalBody(FactorIr factor)
    {
        var refusal = GuideNormalRefusal(_plan, factor);
        if (refusal is not null)
        {
            var message = $"GuideNormal does not offer {factor.Target} under guide {_plan.Guide.Name}: {refusal}. It is offered only for a " +
                $"latent whose guide factor is a Normal reading the data alone, which q({factor.Target} | {_plan.Data.Name}) then is exactly.";
            _w.Line($"throw new global::System.NotSupportedException({Names.StringLiteral(message)});");
            return;
        }
        _w.Line("using var scope = NewDisposeScope();");
        _values[_plan.Data.Name] = new Value(Local(_plan.Data.Name), 0);
        var size = Model.FindVariable(factor.Target)!.Size;
        var loc = TensorParameter(factor, 'q', "loc", size);
        var scale = TensorParameter(factor, 'q', "scale", size);
        _w.Line($"return ({loc.Expression}.MoveToOuterDisposeScope(), {scale.Expression}.MoveToOuterDisposeScope());");
    }
}
