using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// What every generated trainer shares: the model on its device, Adam over its parameters, a seeded generator
/// for shuffling, the epoch loop with its atomic checkpoint after each epoch, and disposal of it all.
/// </summary>
public abstract class Trainer<TModel> : IDisposable
    where TModel : nn.Module
{
    private readonly optim.Optimizer _optimizer;

    protected Trainer(TModel model, TrainingOptions options)
    {
        Options = options;
        Model = model;
        Model.to(options.Device);
        _optimizer = optim.Adam(Model.parameters(), lr: options.LearningRate);
        Shuffle = new Generator((ulong)options.Seed, device: CPU);
        // Its own stream, so that turning dynamic binarisation on or off leaves the shuffling unchanged.
        PixelSampler = new Generator((ulong)options.Seed + 1, device: CPU);
    }

    public TModel Model { get; }

    protected TrainingOptions Options { get; }

    protected Generator Shuffle { get; }

    /// <summary>Draws the binary pixels of dynamically binarised data (see <see cref="DataSplit.Batch"/>).</summary>
    protected Generator PixelSampler { get; }

    /// <summary>Runs the epochs; <paramref name="trainEpoch"/> trains and evaluates one and reports it.</summary>
    protected IReadOnlyList<EpochReport> RunEpochs(Func<int, EpochReport> trainEpoch, Action<EpochReport>? onEpoch)
    {
        var reports = new List<EpochReport>();
        for (var epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            var report = trainEpoch(epoch);
            reports.Add(report);
            if (Options.CheckpointPath is not null)
                Checkpoint.SaveAtomically(Model, Options.CheckpointPath);
            onEpoch?.Invoke(report);
        }
        return reports;
    }

    /// <summary>One optimisation step on <paramref name="loss"/>'s gradient; returns the loss value.</summary>
    protected double Step(Func<Tensor> loss)
    {
        _optimizer.zero_grad();
        var value = loss();
        value.backward();
        _optimizer.step();
        return value.ToDouble();
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        Shuffle.Dispose();
        PixelSampler.Dispose();
        Model.Dispose();
        GC.SuppressFinalize(this);
    }
}
