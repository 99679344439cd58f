using System;
using System.Linq;
using System.Reflection;
using ProbDsl.Compiler.Naming;
using ProbDsl.Compiler.Planning;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Compiling;

/// <summary>Whether a generated trainer trains a model with a label (Eq. 9) or a plain ELBO.</summary>
internal enum TrainerKind
{
    SemiSupervised,
    Unsupervised,
}

/// <summary>
/// The generated trainer for one guide, found once at start-up by the class name the plan gave it (the emitter
/// writes it as <see cref="GeneratedNames.Trainer"/>), so no naming rule is re-derived here.
/// </summary>
internal sealed record TrainerType(Type Trainer, Type Model, TrainerKind Kind)
{
    public static TrainerType Find(Assembly generated, GuidePlan plan)
    {
        var type = generated.GetType(GeneratedNames.Trainer(plan.ClassName));
        return (type is null ? null : Describe(type)) ?? throw new InvalidOperationException(
            $"No generated trainer for model {plan.Model.Name}, guide {plan.Guide.Name} — a bug in ProbDsl; please report it with the model.");
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

    /// <summary>Creates the trainer (it creates the model, so seed first). Its options are validated there.</summary>
    public object Create(TrainingOptions options) => Activator.CreateInstance(Trainer, options)!;
}
