using System;
using System.Collections.Generic;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// A generated trainer as a model's entry point (<see cref="SemiSupervisedSession"/>, <see cref="UnsupervisedSession"/>)
/// holds it, whatever its model type: generated code binds one with <c>SessionTrainer.Of(new M2StructuredTrainer(options))</c>.
/// </summary>
public abstract class SessionTrainer : IDisposable
{
    private protected SessionTrainer(nn.Module module, TrainingOptions options)
    {
        Module = module;
        Options = options;
    }

    /// <summary>The generated model-with-guide module the trainer trains (e.g. <c>M2Structured</c>).</summary>
    public nn.Module Module { get; }

    /// <summary>The options the trainer was created with: <see cref="TrainingOptions.Device"/> is where inputs go.</summary>
    public TrainingOptions Options { get; }

    /// <summary>Binds a generated semi-supervised trainer; it is disposed with the session.</summary>
    public static SessionTrainer Of<TModel>(SemiSupervisedTrainer<TModel> trainer, TrainingOptions options)
        where TModel : nn.Module, ISemiSupervisedModel => new SemiSupervised<TModel>(trainer, options);

    /// <summary>Binds a generated unsupervised trainer; it is disposed with the session.</summary>
    public static SessionTrainer Of<TModel>(UnsupervisedTrainer<TModel> trainer, TrainingOptions options)
        where TModel : nn.Module, IUnsupervisedModel => new Unsupervised<TModel>(trainer, options);

    internal virtual IReadOnlyList<EpochReport> Train(SemiSupervisedData data, Action<EpochReport>? onEpoch) =>
        throw new InvalidOperationException($"{Module.GetType().Name} has no label: it trains on one split, without labels.");

    internal virtual IReadOnlyList<EpochReport> Train(DataSplit train, DataSplit test, Action<EpochReport>? onEpoch) =>
        throw new InvalidOperationException($"{Module.GetType().Name} has a label: it trains on labelled, unlabelled and test splits.");

    internal abstract void SaveCheckpoint(string path);

    public abstract void Dispose();

    private sealed class SemiSupervised<TModel>(SemiSupervisedTrainer<TModel> trainer, TrainingOptions options) : SessionTrainer(trainer.Model, options)
        where TModel : nn.Module, ISemiSupervisedModel
    {
        internal override IReadOnlyList<EpochReport> Train(SemiSupervisedData data, Action<EpochReport>? onEpoch) => trainer.Train(data, onEpoch);

        internal override void SaveCheckpoint(string path) => trainer.SaveCheckpoint(path);

        public override void Dispose() => trainer.Dispose();
    }

    private sealed class Unsupervised<TModel>(UnsupervisedTrainer<TModel> trainer, TrainingOptions options) : SessionTrainer(trainer.Model, options)
        where TModel : nn.Module, IUnsupervisedModel
    {
        internal override IReadOnlyList<EpochReport> Train(DataSplit train, DataSplit test, Action<EpochReport>? onEpoch) => trainer.Train(train, test, onEpoch);

        internal override void SaveCheckpoint(string path) => trainer.SaveCheckpoint(path);

        public override void Dispose() => trainer.Dispose();
    }
}
