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
        w.Line();
        LatentsEmitter.EmitContinuousLatents(w, plan);
        w.Line();
        LatentsEmitter.EmitGuideMean(w, plan);
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
