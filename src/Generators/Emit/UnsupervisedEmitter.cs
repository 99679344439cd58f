using System.Linq;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Generators.Planning;

namespace ProbDsl.Generators.Emit;

/// <summary>Writes a model without a label (<c>objective elbo</c>): one exact bound, discrete latents enumerated, and its trainer.</summary>
internal static class UnsupervisedEmitter
{
    public static void Emit(SourceWriter w, GuidePlan plan)
    {
        var model = plan.Model;
        var explanation = GuideAnalyzer.Explain(model, plan.Guide);
        var x = Names.Identifier(plan.Data.Name);
        w.Line($"/// <summary>Model <c>{model.Name}</c> with guide <c>{plan.Guide.Name}</c>: {explanation.ModelFactorisation}; {plan.Guide.Factorisation}.</summary>");
        using (w.Block($"public sealed class {plan.ClassName} : nn.Module, global::ProbDsl.Inference.Models.IUnsupervisedModel"))
        {
            foreach (var net in plan.Nets)
                w.Line($"private readonly {NetEmitter.ClassName(model, net)} {Names.Identifier(net.Name)};");
            w.Line();
            using (w.Block($"public {plan.ClassName}() : base(\"{plan.ClassName}\")"))
            {
                foreach (var net in plan.Nets)
                    w.Line($"{Names.Identifier(net.Name)} = new {NetEmitter.ClassName(model, net)}();");
                w.Line("RegisterComponents();");
            }
            w.Line();
            w.Lines($$"""
                public string Name => "{{model.Name}} / {{plan.Guide.Name}}";

                public string Factorisation => "{{explanation.ModelFactorisation}}; {{plan.Guide.Factorisation}}";

                public int DataSize => {{plan.Data.Size}};

                /// <summary>What this guide assumes and which bound it optimises, as the compiler explains it.</summary>
                public const string GuideExplanation = {{Names.StringLiteral(explanation.ToString())}};

                public string Explanation => GuideExplanation;
                """);
            w.Line();
            w.Line($"/// <summary>The ELBO of {plan.Data.Name} per example, every discrete latent enumerated exactly. Returns [B].</summary>");
            using (w.Block($"public Tensor Bound(Tensor {x})"))
                BoundEmitter.Emit(w, plan, BoundMode.Enumerated);
            w.Line();
            w.Line("/// <summary>With every discrete latent enumerated, training uses the exact bound itself.</summary>");
            w.Line($"public Tensor Objective(Tensor {x}) => Bound({x});");
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
