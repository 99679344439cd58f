using System;
using System.Collections.Generic;
using System.Diagnostics;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The training loop for a generated semi-supervised model: each step takes one unlabelled batch (an epoch is one
/// pass over D_u) and one labelled batch (cycled through D_l), minimises the Eq. 9 loss with Adam, and disposes
/// every tensor of the step. After each epoch it evaluates on the test set and reports. A NaN or infinite loss
/// stops training with <see cref="NonFiniteLossException"/> (or skips the batch, see <see cref="NonFiniteLossPolicy"/>).
/// </summary>
public class SemiSupervisedTrainer<TModel> : Trainer<TModel>
    where TModel : nn.Module, ISemiSupervisedModel
{
    protected SemiSupervisedTrainer(TModel model, TrainingOptions options, double declaredAlpha)
        : base(model, options) => Alpha = options.Alpha ?? declaredAlpha;

    public double Alpha { get; }

    /// <summary>Called after every step with the running mean loss of the epoch.</summary>
    public IProgress<StepProgress>? StepProgress { get; set; }

    /// <summary>Trains (or, with <see cref="TrainingOptions.ResumeFrom"/>, continues) and returns every epoch's report.</summary>
    /// <exception cref="CheckpointException">The checkpoint to resume from is missing, damaged, or of another model or settings.</exception>
    public IReadOnlyList<EpochReport> Train(SemiSupervisedData data, Action<EpochReport>? onEpoch = null)
    {
        var objective = new SemiSupervisedObjective(Alpha, data.Labelled.Count, data.Unlabelled.Count);
        var batch = (int)Math.Min(Options.BatchSize, data.Unlabelled.Count);
        var labelledBatch = (int)Math.Min(Options.LabelledBatchSize, data.Labelled.Count);
        var plan = new EpochPlan(
            // The unlabelled order first, then the labelled one: the draws from Shuffle the results depend on.
            epoch => new EpochState(epoch, randperm(data.Unlabelled.Count, generator: Shuffle),
                new CyclicBatches(data.Labelled.Count, labelledBatch, Shuffle), new EpochLoss(), stepsDone: 0),
            (order, position) => new CyclicBatches(data.Labelled.Count, labelledBatch, Shuffle, order, position));
        var settings = new Dictionary<string, string>
        {
            ["alpha"] = RunSettings.Text(Alpha),
            ["data sizes"] = $"{data.Labelled.Count} labelled, {data.Unlabelled.Count} unlabelled, {data.Test.Count} test",
        };
        return RunEpochs(settings, plan, state => TrainEpoch(state, data, objective, batch), onEpoch);
    }

    private EpochReport TrainEpoch(EpochState state, SemiSupervisedData data, SemiSupervisedObjective objective, int batch)
    {
        var clock = Stopwatch.StartNew();
        Model.train();
        var steps = (int)(data.Unlabelled.Count / batch);
        var first = state.StepsDone;
        for (var step = first; step < steps; step++)
        {
            if (Model is IRelaxedModel relaxed)
                relaxed.Temperature = relaxed.Schedule.At(GlobalStep);
            var position = new StepPosition(state.Epoch, step + 1, steps);
            // One scope per step: every tensor of the step, indices included, is freed before the next.
            using (NewDisposeScope())
                state.Loss.Add(TrainStep(position, data, objective, state.Order.narrow(0, (long)step * batch, batch), state.Labelled!.Next()));
            StepDone(state);
            StepProgress?.Report(new StepProgress(state.Epoch, step + 1, steps, state.Loss.Mean));
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Model.eval();
        var (elbo, error) = Evaluate(state.Epoch, data.Test);
        return new EpochReport(state.Epoch, state.Loss.Mean, elbo, error, clock.Elapsed.TotalSeconds, (steps - first) / trainSeconds)
        {
            Temperature = (Model as IRelaxedModel)?.Temperature,
            SkippedSteps = state.Loss.Skipped,
        };
    }

    /// <summary>The exact test ELBO only every <see cref="TrainingOptions.ElboEvery"/> epochs and at the last; the error always.</summary>
    private (double? Elbo, double Error) Evaluate(int epoch, DataSplit test)
    {
        if (epoch % Options.ElboEvery == 0 || epoch == Options.Epochs)
            return Evaluation.Evaluate(Model, test, 1000, Options.Device);
        return (null, Evaluation.Error(Model, test, 1000, Options.Device));
    }

    private double? TrainStep(StepPosition position, SemiSupervisedData data, SemiSupervisedObjective objective, Tensor unlabelledIndices, Tensor labelledIndices)
    {
        var device = Options.Device;
        var xu = data.Unlabelled.Batch(unlabelledIndices, PixelSampler, device);
        var xl = data.Labelled.Batch(labelledIndices, PixelSampler, device);
        var yl = data.Labelled.RequireLabels().index_select(0, labelledIndices).to(device);
        return Step(position, () => objective.Loss(Model, xl, yl, xu), () => objective.Breakdown(Model, xl, yl, xu));
    }
}
