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
public partial class SemiSupervisedTrainer<TModel> : Trainer<TModel>
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
        var layout = StepLayout.For(Options.LabelledSchedule, (int)(data.Unlabelled.Count / batch), data.Labelled.Count, state.Labelled!.BatchSize);
        var first = state.StepsDone;
        for (var step = first; step < layout.Steps; step++)
        {
            if (Model is IRelaxedModel relaxed)
                relaxed.Temperature = relaxed.Schedule.At(GlobalStep);
            var position = new StepPosition(state.Epoch, step + 1, layout.Steps);
            // One scope per step: every tensor of the step, indices included, is freed before the next.
            using (NewDisposeScope())
            {
                var unlabelled = layout.UnlabelledBatchAt(step) is int u ? state.Order.narrow(0, (long)u * batch, batch) : null;
                var loss = TrainStep(position, data, objective, unlabelled, layout.IsLabelled(step) ? state.Labelled!.Next() : null, layout.LabelledWeight);
                // The epoch's loss is that of the steps with unlabelled data: under the interleaved schedule, a
                // labelled step's loss is scaled up to stand for many steps and would swamp the mean.
                if (unlabelled is not null)
                    state.Loss.Add(loss);
            }
            StepDone(state);
            if (GradientProbe is { } probe && (probe.Steps.Contains(GlobalStep) || probe.AtEndOfFirstEpoch && state.Epoch == 1 && step + 1 == layout.Steps))
                MeasureGradientVariance(probe, data, objective, batch, state.Labelled!.BatchSize, state.Epoch, endOfEpoch: step + 1 == layout.Steps);
            StepProgress?.Report(new StepProgress(state.Epoch, step + 1, layout.Steps, state.Loss.Mean));
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Model.eval();
        var (elbo, error) = Evaluate(state.Epoch, data.Test);
        return new EpochReport(state.Epoch, state.Loss.Mean, elbo, error, clock.Elapsed.TotalSeconds, (layout.Steps - first) / trainSeconds)
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

    /// <param name="unlabelledIndices">Null for a labelled step of the interleaved schedule.</param>
    /// <param name="labelledIndices">Null for an unlabelled step of the interleaved schedule.</param>
    private double? TrainStep(StepPosition position, SemiSupervisedData data, SemiSupervisedObjective objective,
        Tensor? unlabelledIndices, Tensor? labelledIndices, double labelledWeight)
    {
        var device = Options.Device;
        var xu = unlabelledIndices is null ? null : data.Unlabelled.Batch(unlabelledIndices, PixelSampler, device);
        var xl = labelledIndices is null ? null : data.Labelled.Batch(labelledIndices, PixelSampler, device);
        var yl = labelledIndices is null ? null : data.Labelled.RequireLabels().index_select(0, labelledIndices).to(device);
        Func<Tensor> loss = (xu, xl) switch
        {
            (not null, not null) => () => objective.Loss(Model, xl, yl!, xu),
            (not null, null) => () => objective.UnlabelledLoss(Model, xu),
            _ => () => objective.LabelledLoss(Model, xl!, yl!, labelledWeight),
        };
        return Step(position, loss, () => objective.Breakdown(Model, xl, yl, xu));
    }
}
