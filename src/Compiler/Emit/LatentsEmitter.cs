using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using ProbDsl.Compiler.Planning;
using ProbDsl.Compiler.Naming;

namespace ProbDsl.Compiler.Emit;

/// <summary>
/// The latent-space members both kinds of model class offer, written once for both: <c>ContinuousLatents</c>,
/// <c>GuideMean</c> (E_q of each continuous latent), and for a model without a label <c>GuideNormal</c> (q(v | x)
/// as a Normal's loc and scale). Each is a switch on the latent's name over one private method per latent.
/// </summary>
internal static class LatentsEmitter
{
    private const string ListOf = "global::System.Collections.Generic.IReadOnlyList";

    public static void EmitContinuousLatents(SourceWriter w, GuidePlan plan)
    {
        var latents = BoundEmitter.ContinuousLatentsOf(plan);
        var list = latents.Count == 0
            ? "global::System.Array.Empty<string>()"
            : $"new string[] {{ {string.Join(", ", latents.Select(v => Names.StringLiteral(v.Name)))} }}";
        w.Line(plan.Label is null
            ? "/// <summary>The guide's continuous latents, in sampling order: the names <see cref=\"GuideMean\"/> and <see cref=\"GuideNormal\"/> take.</summary>"
            : "/// <summary>The guide's continuous latents, in sampling order (the order of <see cref=\"GenerateMean\"/>'s noise).</summary>");
        w.Line($"public {ListOf}<string> ContinuousLatents {{ get; }} = {list};");
    }

    public static void EmitGuideMean(SourceWriter w, GuidePlan plan) =>
        EmitPerLatent(w, plan, "Tensor", "GuideMean",
            $"E_q[{BoundEmitter.LatentParameter} | {plan.Data.Name}] under guide {plan.Guide.Name}, [B, size], discrete variables summed out exactly under q.",
            (latent, factor) => BoundEmitter.ContinuousAncestors(plan, factor).Count == 0
                ? $"E_q[{latent.Name} | {plan.Data.Name}] under {factor.Signature('q')}, [B, {latent.Size}]."
                : $"E_q[{latent.Name} | {plan.Data.Name}] has no closed form: {factor.Signature('q')} reads a continuous latent.",
            factor => BoundEmitter.EmitGuideMean(w, plan, factor));

    public static void EmitGuideNormal(SourceWriter w, GuidePlan plan) =>
        EmitPerLatent(w, plan, "(Tensor Loc, Tensor Scale)", "GuideNormal",
            $"q({BoundEmitter.LatentParameter} | {plan.Data.Name}) under guide {plan.Guide.Name} as a Normal's loc and scale, [B, size] each; only where that factor is a Normal reading the data alone.",
            (latent, factor) => BoundEmitter.GuideNormalRefusal(plan, factor) is { } refusal
                ? $"Not offered: {refusal}."
                : $"{factor.Signature('q')}: its loc and scale, [B, {latent.Size}] each.",
            factor => BoundEmitter.EmitGuideNormal(w, plan, factor));

    /// <summary>
    /// <c>public {returnType} {name}(string latent, Tensor x)</c>, a switch over one private method per continuous
    /// latent (<c>{name}OfZ</c>, ...), each with its summary and the body <paramref name="emitBody"/> writes.
    /// </summary>
    private static void EmitPerLatent(SourceWriter w, GuidePlan plan, string returnType, string name, string summary,
        Func<VariableIr, FactorIr, string> methodSummary, Action<FactorIr> emitBody)
    {
        var latents = BoundEmitter.ContinuousLatentsOf(plan);
        var methods = MethodNames(name + "Of", latents);
        var x = plan.Locals.Variable(plan.Data.Name);
        w.Line($"/// <summary>{summary}</summary>");
        EmitSwitch(w, plan, $"{returnType} {name}", methods);
        for (var i = 0; i < latents.Count; i++)
        {
            var factor = plan.Guide.FactorFor(latents[i].Name)!;
            w.Line();
            w.Line($"/// <summary>{methodSummary(latents[i], factor)}</summary>");
            using (w.Block($"private {returnType} {methods[i]}(Tensor {x})"))
                emitBody(factor);
        }
    }

    /// <summary><c>public {signature}(string latent, Tensor x) => latent switch { ... }</c>, refusing an unknown name with the known ones.</summary>
    private static void EmitSwitch(SourceWriter w, GuidePlan plan, string signature, IReadOnlyList<string> methods)
    {
        var latent = BoundEmitter.LatentParameter;
        var x = plan.Locals.Variable(plan.Data.Name);
        var latents = BoundEmitter.ContinuousLatentsOf(plan);
        var known = latents.Count == 0 ? "it has none" : "they are " + string.Join(", ", latents.Select(v => v.Name));
        w.Line($"public {signature}(string {latent}, Tensor {x}) => {latent} switch");
        w.Line("{");
        for (var i = 0; i < latents.Count; i++)
            w.Line($"    {Names.StringLiteral(latents[i].Name)} => {methods[i]}({x}),");
        var message = Names.StringLiteral($"' is not a continuous latent of {plan.Model.Name} / {plan.Guide.Name}; {known}.");
        // The parameter's name as a literal, not nameof(...): a data variable may be called nameof, and then nameof(x)
        // in its method is a call of that tensor (CS0149; found by the inline fuzzer).
        w.Line($"    _ => throw new global::System.ArgumentException(\"'\" + {latent} + {message}, {Names.StringLiteral(latent)}),");
        w.Line("};");
    }

    /// <summary>GuideMeanOfZ, ...; by position when two latents' names would give the same C# name.</summary>
    private static IReadOnlyList<string> MethodNames(string prefix, IReadOnlyList<VariableIr> latents)
    {
        var names = latents.Select(v => prefix + Names.Pascal(v.Name)).ToList();
        return names.Distinct().Count() == names.Count ? names : latents.Select((_, i) => $"{prefix}Latent{i}").ToList();
    }
}
