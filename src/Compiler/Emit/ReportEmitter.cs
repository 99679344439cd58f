using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using ProbDsl.Compiler.Planning;
using ProbDsl.Compiler.Naming;

namespace ProbDsl.Compiler.Emit;

/// <summary>
/// The members of a semi-supervised model class that reports and diagnostics read: its continuous latents, E_q of
/// each, class-conditional generation, the guide's parameters, and the bounds split into named terms.
/// </summary>
internal static class ReportEmitter
{
    private const string ListOf = "global::System.Collections.Generic.IReadOnlyList";

    public static void Emit(SourceWriter w, GuidePlan plan)
    {
        var x = plan.Locals.Variable(plan.Data.Name);
        var latents = BoundEmitter.ContinuousLatentsOf(plan);
        var methods = MeanMethodNames(latents);
        var listed = string.Join(", ", latents.Select(v => Names.StringLiteral(v.Name)));
        w.Line();
        w.Line("/// <summary>The guide's continuous latents, in sampling order (the order of <see cref=\"GenerateMean\"/>'s noise).</summary>");
        w.Line($"public {ListOf}<string> ContinuousLatents {{ get; }} = new string[] {{ {listed} }};");
        w.Line();
        EmitGuideMean(w, plan, x, latents, methods);
        w.Line();
        w.Line($"/// <summary>The mean of p({plan.Data.Name} | ·) after ancestral sampling with {plan.Label!.Name} given (class indices [B]) and one standard-normal [B, size] noise tensor per continuous latent. Returns [B, {plan.Data.Size}].</summary>");
        using (w.Block($"public Tensor GenerateMean(Tensor {BoundEmitter.LabelIndexParameter(plan)}, {ListOf}<Tensor> {BoundEmitter.NoiseParameter})"))
            BoundEmitter.EmitGenerateMean(w, plan);
        w.Line();
        EmitGuideParameters(w, plan);
        w.Line();
        w.Line($"/// <summary>The named pieces of L({plan.Data.Name}, {plan.Label.Name}), [B] each; they add up to <see cref=\"LabelledBound\"/>. For explaining a non-finite loss.</summary>");
        using (w.Block($"public {ListOf}<(string Name, Tensor PerExample)> LabelledBoundTerms(Tensor {x}, Tensor {BoundEmitter.LabelIndexParameter(plan)})"))
            BoundEmitter.EmitTerms(w, plan, BoundMode.Labelled);
        w.Line();
        w.Line($"/// <summary>The named pieces of U({plan.Data.Name}) ({plan.Label.Name} enumerated), [B] each; they add up to <see cref=\"UnlabelledBound\"/>. For explaining a non-finite loss.</summary>");
        using (w.Block($"public {ListOf}<(string Name, Tensor PerExample)> UnlabelledBoundTerms(Tensor {x})"))
            BoundEmitter.EmitTerms(w, plan, BoundMode.Enumerated);
    }

    private static void EmitGuideMean(SourceWriter w, GuidePlan plan, string x, IReadOnlyList<VariableIr> latents, IReadOnlyList<string> methods)
    {
        var latent = BoundEmitter.LatentParameter;
        var known = latents.Count == 0 ? "it has none" : "they are " + string.Join(", ", latents.Select(v => v.Name));
        w.Line($"/// <summary>E_q[{latent} | {plan.Data.Name}] under guide {plan.Guide.Name}, [B, size], discrete variables summed out exactly under q.</summary>");
        w.Line($"public Tensor GuideMean(string {latent}, Tensor {x}) => {latent} switch");
        w.Line("{");
        for (var i = 0; i < latents.Count; i++)
            w.Line($"    {Names.StringLiteral(latents[i].Name)} => {methods[i]}({x}),");
        var message = Names.StringLiteral($"' is not a continuous latent of {plan.Model.Name} / {plan.Guide.Name}; {known}.");
        // The parameter's name as a literal, not nameof(...): a data variable may be called nameof, and then nameof(x)
        // in its method is a call of that tensor (CS0149; found by the inline fuzzer).
        w.Line($"    _ => throw new global::System.ArgumentException(\"'\" + {latent} + {message}, {Names.StringLiteral(latent)}),");
        w.Line("};");
        for (var i = 0; i < latents.Count; i++)
        {
            var factor = plan.Guide.FactorFor(latents[i].Name)!;
            w.Line();
            var exact = BoundEmitter.ContinuousAncestors(plan, factor).Count == 0;
            w.Line(exact
                ? $"/// <summary>E_q[{latents[i].Name} | {plan.Data.Name}] under {factor.Signature('q')}, [B, {latents[i].Size}].</summary>"
                : $"/// <summary>E_q[{latents[i].Name} | {plan.Data.Name}] has no closed form: {factor.Signature('q')} reads a continuous latent.</summary>");
            using (w.Block($"private Tensor {methods[i]}(Tensor {x})"))
                BoundEmitter.EmitGuideMean(w, plan, factor);
        }
    }

    /// <summary>GuideMeanOfZ, ...; by position when two latents' names would give the same C# name.</summary>
    private static IReadOnlyList<string> MeanMethodNames(IReadOnlyList<VariableIr> latents)
    {
        var names = latents.Select(v => "GuideMeanOf" + Names.Pascal(v.Name)).ToList();
        return names.Distinct().Count() == names.Count ? names : latents.Select((_, i) => $"GuideMeanOfLatent{i}").ToList();
    }

    private static void EmitGuideParameters(SourceWriter w, GuidePlan plan)
    {
        var called = plan.Guide.Factors.SelectMany(f => f.Distribution.Arguments).Select(a => a.Value).OfType<NetCallExpr>().Select(c => c.Net).ToList();
        var nets = plan.Nets.Where(n => called.Contains(n.Name)).ToList();
        var listed = nets.Count == 0 ? "none" : string.Join(", ", nets.Select(n => n.Name));
        w.Line($"/// <summary>The parameters of the guide's networks ({listed}), and of no other.</summary>");
        using (w.Block("public global::System.Collections.Generic.IEnumerable<global::TorchSharp.Modules.Parameter> GuideParameters()"))
        {
            if (nets.Count == 0)
                w.Line("yield break;");
            foreach (var net in nets)
            {
                w.Line($"foreach (var parameter in this.{Names.Identifier(net.Name)}.parameters())");
                w.Line("    yield return parameter;");
            }
        }
    }
}
