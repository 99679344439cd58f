using ProbDsl.Compiler.Naming;
using ProbDsl.Compiler.Planning;
using ProbDsl.Dsl.Analysis;

namespace ProbDsl.Compiler.Emit;

/// <summary>
/// Writes a model without a label (<c>objective elbo</c>): one exact bound, discrete latents enumerated, the latent
/// space (E_q of each continuous latent, q as a Normal where it is one), and its trainer.
/// </summary>
internal static class UnsupervisedEmitter
{
    public static void Emit(SourceWriter w, GuidePlan plan)
    {
        var explanation = plan.Explanation;
        var x = plan.Locals.Variable(plan.Data.Name);
        ModelEmitter.EmitClassSummary(w, plan, explanation);
        using (w.Block($"public sealed class {plan.ClassName} : nn.Module, global::ProbDsl.Inference.Models.IUnsupervisedModel"))
        {
            ModelEmitter.EmitNetworkFields(w, plan);
            ModelEmitter.EmitConstructorAndDescription(w, plan, explanation, extraMember: null);
            w.Line();
            w.Line($"/// <summary>The ELBO of {plan.Data.Name} per example, every discrete latent enumerated exactly. Returns [B].</summary>");
            using (w.Block($"public Tensor Bound(Tensor {x})"))
                BoundEmitter.Emit(w, plan, BoundMode.Enumerated);
            w.Line();
            w.Line("/// <summary>With every discrete latent enumerated, training uses the exact bound itself.</summary>");
            w.Line($"public Tensor Objective(Tensor {x}) => Bound({x});");
            w.Line();
            w.Line("/// <summary>The named pieces of the ELBO, [B] each; they add up to <see cref=\"Bound\"/>. For explaining a non-finite loss.</summary>");
            using (w.Block($"public global::System.Collections.Generic.IReadOnlyList<(string Name, Tensor PerExample)> BoundTerms(Tensor {x})"))
                BoundEmitter.EmitTerms(w, plan, BoundMode.Enumerated);
            w.Line();
            LatentsEmitter.EmitContinuousLatents(w, plan);
            w.Line();
            LatentsEmitter.EmitGuideMean(w, plan);
            w.Line();
            LatentsEmitter.EmitGuideNormal(w, plan);
        }
        w.Line();
        w.Lines($$"""
            /// <summary>Trains <see cref="{{plan.ClassName}}"/> by maximising its ELBO.</summary>
            public sealed class {{plan.ClassName}}Trainer : global::ProbDsl.Inference.Training.UnsupervisedTrainer<{{plan.ClassName}}>
            {
                public {{plan.ClassName}}Trainer(global::ProbDsl.Inference.Training.TrainingOptions options)
                    : base(new {{plan.ClassName}}(), options)
                {
                }
            }
            """);
    }
}
