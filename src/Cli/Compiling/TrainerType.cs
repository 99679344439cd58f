using System;
using System.Linq;
using System.Reflection;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Ir;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Compiling;

/// <summary>Whether a generated trainer trains a model with a label (Eq. 9) or a plain ELBO.</summary>
internal enum TrainerKind
{
    SemiSupervised,
    Unsupervised,
}

/// <summary>
/// The generated trainer for one guide, found once at start-up. A generated model class carries the compiler's
/// explanation of its guide as the constant <c>GuideExplanation</c>, whose first line names the model and the
/// guide, so matching it against <see cref="GuideAnalyzer.Explain"/> finds the class without re-deriving the
/// emitter's C# naming rules here.
/// </summary>
internal sealed record TrainerType(Type Trainer, Type Model, TrainerKind Kind)
{
    public static TrainerType Find(Assembly generated, ModelIr model, GuideIr guide)
    {
        var explanation = GuideAnalyzer.Explain(model, guide).ToString();
        var match = generated.GetExportedTypes().Select(Describe).FirstOrDefault(t => t is not null && Explanation(t.Model) == explanation);
        return match ?? throw new InvalidOperationException(
            $"No generated trainer for model {model.Name}, guide {guide.Name} — a bug in ProbDsl; please report it with the model.");
    }

    private static TrainerType? Describe(Type type)
    {
        var baseType = type.BaseType;
        if (baseType is not { IsGenericType: true })
            return null;
        var definition = baseType.GetGenericTypeDefinition();
        var model = baseType.GetGenericArguments()[0];
        if (definition == typeof(SemiSupervisedTrainer<>))
            return new TrainerType(type, model, TrainerKind.SemiSupervised);
        if (definition == typeof(UnsupervisedTrainer<>))
            return new TrainerType(type, model, TrainerKind.Unsupervised);
        return null;
    }

    private static string? Explanation(Type model) =>
        model.GetField("GuideExplanation", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;

    /// <summary>Creates the trainer (it creates the model, so seed first). Its options are validated there.</summary>
    public object Create(TrainingOptions options) => Activator.CreateInstance(Trainer, options)!;
}
