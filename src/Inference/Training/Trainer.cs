using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// What every generated trainer shares: the model on its device, Adam over its parameters, a seeded generator
/// for shuffling, the epoch loop with its atomic checkpoint after each epoch, the check that every loss is
/// finite, and disposal of it all.
/// </summary>
public abstract class Trainer<TModel> : IDisposable
    where TModel : nn.Module
{
    private readonly optim.Optimizer _optimizer;

    /// <exception cref="ArgumentException">An option is out of range (the model is disposed).</exception>
    protected Trainer(TModel model, TrainingOptions options)
    {
        try
        {
            options.Validate();
        }
        catch
        {
            model.Dispose(); // the generated trainer created it for us; nobody else can
            throw;
        }
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

    /// <summary>
    /// Runs the epochs; <paramref name="trainEpoch"/> trains and evaluates one and reports it. The report is handed
    /// to <paramref name="onEpoch"/> before the checkpoint is written, so an epoch's results are shown even when
    /// saving fails.
    /// </summary>
    protected IReadOnlyList<EpochReport> RunEpochs(Func<int, EpochReport> trainEpoch, Action<EpochReport>? onEpoch)
    {
        var reports = new List<EpochReport>();
        for (var epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            var report = trainEpoch(epoch);
            reports.Add(report);
            onEpoch?.Invoke(report);
            if (Options.CheckpointPath is not null)
                Checkpoint.SaveAtomically(Model, Options.CheckpointPath);
        }
        return reports;
    }

    /// <summary>
    /// One optimisation step on <paramref name="loss"/>'s gradient. Returns the loss value, or null when it was NaN
    /// or infinite and the policy skips such batches; with the default policy a non-finite loss throws
    /// <see cref="NonFiniteLossException"/>, explained by <paramref name="breakdown"/>. Either way no gradient step
    /// is taken with it, so the weights stay finite.
    /// </summary>
    protected double? Step(StepPosition position, Func<Tensor> loss, Func<LossBreakdown> breakdown)
    {
        _optimizer.zero_grad();
        var value = loss();
        // The step's one read to the host, which the running loss needs anyway: checking it costs nothing more.
        // It comes before backward() so that a NaN never reaches the weights or Adam's moments.
        var number = value.ToDouble();
        if (!double.IsFinite(number))
            return NonFinite(position, number, breakdown);
        value.backward();
        _optimizer.step();
        return number;
    }

    /// <summary>Only here, after a trip, are the terms evaluated one by one and the weights scanned.</summary>
    private double? NonFinite(StepPosition position, double loss, Func<LossBreakdown> breakdown)
    {
        if (Options.NonFiniteLoss == NonFiniteLossPolicy.SkipBatch)
            return null;
        throw new NonFiniteLossException(position, loss, breakdown(), FiniteWeights.FirstNonFinite(Model), Options);
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
