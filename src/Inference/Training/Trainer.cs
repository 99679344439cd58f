using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// What every generated trainer shares: the model on its device, Adam over its parameters, seeded generators for
/// shuffling and binarisation, the epoch loop with its checkpoints (after each epoch and every N steps, see
/// Trainer.Checkpoints.cs) and exact resumption from one, the check that every loss is finite, and disposal of it all.
/// </summary>
public abstract partial class Trainer<TModel> : IDisposable
    where TModel : nn.Module
{
    private readonly TorchSharp.Modules.Adam _optimizer;
    private readonly List<EpochReport> _reports = new();

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

    /// <summary>Steps taken over the whole run, resumed ones included: the clock of the relaxation temperature schedule.</summary>
    protected long GlobalStep { get; private set; }

    /// <summary>
    /// Runs the epochs from the first (or from where the checkpoint of <see cref="TrainingOptions.ResumeFrom"/>
    /// stopped); <paramref name="trainEpoch"/> trains and evaluates one and reports it. The report is handed to
    /// <paramref name="onEpoch"/> before the checkpoint is written, so an epoch's results are shown even when saving
    /// fails. Returns every epoch's report, those of a resumed checkpoint's earlier epochs included.
    /// </summary>
    /// <param name="trainerSettings">Settings only the concrete trainer knows (alpha, the data's sizes), recorded in checkpoints.</param>
    /// <param name="plan">How an epoch starts afresh, and how a saved labelled cursor is continued.</param>
    private protected IReadOnlyList<EpochReport> RunEpochs(
        IEnumerable<KeyValuePair<string, string>> trainerSettings, EpochPlan plan, Func<EpochState, EpochReport> trainEpoch, Action<EpochReport>? onEpoch)
    {
        _reports.Clear();
        var firstEpoch = BeginRun(trainerSettings, plan, out var resumed);
        for (var epoch = firstEpoch; epoch <= Options.Epochs; epoch++)
        {
            using var state = resumed is not null && resumed.Epoch == epoch ? resumed : plan.Begin(epoch);
            resumed = null;
            var report = trainEpoch(state);
            _reports.Add(report);
            onEpoch?.Invoke(report);
            SaveAtEpochEnd(epoch);
        }
        resumed?.Dispose(); // a checkpoint from beyond the last epoch asked for: nothing left to train
        return _reports.ToArray();
    }

    /// <summary>Counts a finished step; writes a checkpoint when <see cref="TrainingOptions.CheckpointEverySteps"/> says so.</summary>
    private protected void StepDone(EpochState state)
    {
        state.StepsDone++;
        GlobalStep++;
        SaveEveryNSteps(state);
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

/// <summary>How a trainer starts an epoch afresh (drawing its orders), and how it continues a saved labelled cursor.</summary>
internal sealed record EpochPlan(Func<int, EpochState> Begin, Func<long[], long, CyclicBatches>? ContinueLabelled = null);
