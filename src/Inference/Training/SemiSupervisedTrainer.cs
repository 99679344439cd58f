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
    private long _step;

    protected SemiSupervisedTrainer(TModel model, TrainingOptions options, double declaredAlpha)
        : base(model, options) => Alpha = options.Alpha ?? declaredAlpha;

    public double Alpha { get; }

    /// <summary>Called after every step with the running mean loss of the epoch.</summary>
    public IProgress<StepProgress>? StepProgress { get; set; }

    public IReadOnlyList<EpochReport> Train(SemiSupervisedData data, Action<EpochReport>? onEpoch = null)
    {
        var objective = new SemiSupervisedObjective(Alpha, data.Labelled.Count, data.Unlabelled.Count);
        return RunEpochs(epoch => TrainEpoch(epoch, data, objective), onEpoch);
    }

    private EpochReport TrainEpoch(int epoch, SemiSupervisedData data, SemiSupervisedObjective objective)
    {
        var clock = Stopwatch.StartNew();
        Model.train();
        var batch = (int)Math.Min(Options.BatchSize, data.Unlabelled.Count);
        var labelledBatch = (int)Math.Min(Options.LabelledBatchSize, data.Labelled.Count);
        var steps = (int)(data.Unlabelled.Count / batch);
        using var unlabelledOrder = randperm(data.Unlabelled.Count, generator: Shuffle);
        using var labelled = new CyclicBatches(data.Labelled.Count, labelledBatch, Shuffle);
        var loss = new EpochLoss();
        for (var step = 0; step < steps; step++)
        {
            // One scope per step: every tensor of the step, indices included, is freed before the next.
            if (Model is IRelaxedModel relaxed)
                relaxed.Temperature = relaxed.Schedule.At(_step);
            _step++;
            var position = new StepPosition(epoch, step + 1, steps);
            using (NewDisposeScope())
                loss.Add(TrainStep(position, data, objective, unlabelledOrder.narrow(0, (long)step * batch, batch), labelled.Next()));
            StepProgress?.Report(new StepProgress(epoch, step + 1, steps, loss.Mean));
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Model.eval();
        var (elbo, error) = Evaluate(epoch, data.Test);
        return new EpochReport(epoch, loss.Mean, elbo, error, clock.Elapsed.TotalSeconds, steps / trainSeconds)
        {
            Temperature = (Model as IRelaxedModel)?.Temperature,
            SkippedSteps = loss.Skipped,
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
