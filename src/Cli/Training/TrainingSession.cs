using System;
using System.Collections.Generic;
using ProbDsl.Cli.Compiling;
using ProbDsl.Cli.Data;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Training;

/// <summary>
/// A generated trainer behind a non-generic face. The tool learns the generated model type only at run time, so
/// the typed session is made once by reflection (<see cref="Create"/>); from then on every call is a direct,
/// typed call into the generated trainer — no reflection on the training path.
/// </summary>
internal interface ITrainingSession : IDisposable
{
    string Explanation { get; }

    /// <summary>Whether reports carry a test error (models with a label).</summary>
    bool Classifies { get; }

    double? Alpha { get; }

    IReadOnlyList<EpochReport> Train(TrainingData data, Action<EpochReport> onEpoch, IProgress<StepProgress>? steps);

    /// <summary>The trained model as a model with a label, or null for an <c>objective elbo</c> model.</summary>
    ISemiSupervisedModel? SemiSupervised { get; }

    /// <summary>The trained model as an <c>objective elbo</c> model, or null for a model with a label.</summary>
    IUnsupervisedModel? Unsupervised { get; }

    /// <summary>Where gradient-variance measurements go; only a semi-supervised trainer takes them (others ignore it).</summary>
    GradientVarianceProbe? GradientProbe { set; }
}

internal static class TrainingSession
{
    public static ITrainingSession Create(TrainerType type, TrainingOptions options)
    {
        var trainer = type.Create(options);
        var session = type.Kind == TrainerKind.SemiSupervised
            ? typeof(SemiSupervisedSession<>).MakeGenericType(type.Model)
            : typeof(UnsupervisedSession<>).MakeGenericType(type.Model);
        return (ITrainingSession)Activator.CreateInstance(session, trainer)!;
    }
}

internal sealed class SemiSupervisedSession<TModel> : ITrainingSession
    where TModel : nn.Module, ISemiSupervisedModel
{
    private readonly SemiSupervisedTrainer<TModel> _trainer;

    public SemiSupervisedSession(SemiSupervisedTrainer<TModel> trainer) => _trainer = trainer;

    public string Explanation => _trainer.Model.Explanation;

    public bool Classifies => true;

    public double? Alpha => _trainer.Alpha;

    public ISemiSupervisedModel? SemiSupervised => _trainer.Model;

    public IUnsupervisedModel? Unsupervised => null;

    public GradientVarianceProbe? GradientProbe { set => _trainer.GradientProbe = value; }

    public IReadOnlyList<EpochReport> Train(TrainingData data, Action<EpochReport> onEpoch, IProgress<StepProgress>? steps)
    {
        _trainer.StepProgress = steps;
        return _trainer.Train(data.RequireSemiSupervised(), onEpoch);
    }

    public void Dispose() => _trainer.Dispose();
}

internal sealed class UnsupervisedSession<TModel> : ITrainingSession
    where TModel : nn.Module, IUnsupervisedModel
{
    private readonly UnsupervisedTrainer<TModel> _trainer;

    public UnsupervisedSession(UnsupervisedTrainer<TModel> trainer) => _trainer = trainer;

    public string Explanation => _trainer.Model.Explanation;

    public bool Classifies => false;

    public double? Alpha => null;

    public ISemiSupervisedModel? SemiSupervised => null;

    public IUnsupervisedModel? Unsupervised => _trainer.Model;

    public GradientVarianceProbe? GradientProbe { set { } }

    /// <remarks>The unsupervised trainer reports per epoch only, so <paramref name="steps"/> stays unused.</remarks>
    public IReadOnlyList<EpochReport> Train(TrainingData data, Action<EpochReport> onEpoch, IProgress<StepProgress>? steps)
    {
        var (train, test) = data.RequireUnsupervised();
        return _trainer.Train(train, test, onEpoch);
    }

    public void Dispose() => _trainer.Dispose();
}
