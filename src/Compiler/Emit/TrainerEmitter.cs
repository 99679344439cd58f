using ProbDsl.Compiler.Naming;
using ProbDsl.Compiler.Planning;

namespace ProbDsl.Compiler.Emit;

/// <summary>Writes a trainer bound to one model-with-guide class and the objective declared in the .pdsl file.</summary>
internal static class TrainerEmitter
{
    public static void Emit(SourceWriter w, GuidePlan plan)
    {
        var objective = plan.Model.Objective;
        w.Lines($$"""
            /// <summary>Trains <see cref="{{plan.ClassName}}"/> on Kingma et al.'s semi-supervised objective (Eq. 9) with alpha = {{Names.Literal(objective.Alpha)}}.</summary>
            public sealed class {{plan.ClassName}}Trainer : global::ProbDsl.Inference.Training.SemiSupervisedTrainer<{{plan.ClassName}}>
            {
                /// <summary>Weight of the classification term, from <c>objective semisupervised(alpha: ...)</c>.</summary>
                public const double DeclaredAlpha = {{Names.Literal(objective.Alpha)}};

                public {{plan.ClassName}}Trainer(global::ProbDsl.Inference.Training.TrainingOptions options)
                    : base(new {{plan.ClassName}}(), options, DeclaredAlpha)
                {
                }
            }
            """);
    }
}
