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
/// every tensor of the step. After each epoch it evaluates on the test set and reports.
/// </summary>
public class SemiSupervisedTrainer<TModel> : IDisposable
    where TModel : nn.Module, ISemiSupervisedModel
{
    private readonly TrainingOptions _options;
    private readonly optim.Optimizer _optimizer;
    private readonly Generator _shuffle;
    private long _step;

    protected SemiSupervisedTrainer(TModel model, TrainingOptions options, double declaredAlpha)
    {
        _options = options;
        Alpha = options.Alpha ?? declaredAlpha;
        Model = model;
        Model.to(options.Device);
        _optimizer = optim.Adam(Model.parameters(), lr: options.LearningRate);
        _shuffle = new Generator((ulong)options.Seed, device: CPU);
    }

    public TModel Model { get; }

    public double Alpha { get; }

    /// <summary>Called after every step with the running mean loss of the epoch.</summary>
    public IProgress<StepProgress>? StepProgress { get; set; }

    public IReadOnlyList<EpochReport> Train(SemiSupervisedData data, Action<EpochReport>? onEpoch = null)
    {
        var reports = new List<EpochReport>();
        var objective = new SemiSupervisedObjective(Alpha, data.Labelled.Count, data.Unlabelled.Count);
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var report = TrainEpoch(epoch, data, objective);
            reports.Add(report);
            if (_options.CheckpointPath is not null)
                Checkpoint.SaveAtomically(Model, _options.CheckpointPath);
            onEpoch?.Invoke(report);
        }
        return reports;
    }

    private EpochReport TrainEpoch(int epoch, SemiSupervisedData data, SemiSupervisedObjective objective)
    {
        var clock = Stopwatch.StartNew();
        Model.train();
        var batch = (int)Math.Min(_options.BatchSize, data.Unlabelled.Count);
        var labelledBatch = (int)Math.Min(_options.LabelledBatchSize, data.Labelled.Count);
        var steps = (int)(data.Unlabelled.Count / batch);
        using var unlabelledOrder = randperm(data.Unlabelled.Count, generator: _shuffle);
        using var labelled = new CyclicBatches(data.Labelled.Count, labelledBatch, _shuffle);
        double lossSum = 0;
        for (var step = 0; step < steps; step++)
        {
            // One scope per step: every tensor of the step, indices included, is freed before the next.
            if (Model is IRelaxedModel relaxed)
                relaxed.Temperature = relaxed.Schedule.At(_step);
            _step++;
            using (NewDisposeScope())
                lossSum += Step(data, objective, unlabelledOrder.narrow(0, (long)step * batch, batch), labelled.Next());
            StepProgress?.Report(new StepProgress(epoch, step + 1, steps, lossSum / (step + 1)));
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Model.eval();
        var (elbo, error) = Evaluation.Evaluate(Model, Moved(data.Test), 1000);
        return new EpochReport(epoch, lossSum / steps, elbo, error, clock.Elapsed.TotalSeconds, steps / trainSeconds)
        {
            Temperature = (Model as IRelaxedModel)?.Temperature,
        };
    }

    private double Step(SemiSupervisedData data, SemiSupervisedObjective objective, Tensor unlabelledIndices, Tensor labelledIndices)
    {
        var device = _options.Device;
        var xu = data.Unlabelled.Features.index_select(0, unlabelledIndices).to(device);
        var xl = data.Labelled.Features.index_select(0, labelledIndices).to(device);
        var yl = data.Labelled.RequireLabels().index_select(0, labelledIndices).to(device);
        _optimizer.zero_grad();
        var loss = objective.Loss(Model, xl, yl, xu);
        loss.backward();
        _optimizer.step();
        return loss.ToDouble();
    }

    private DataSplit Moved(DataSplit split) =>
        split.Features.device == _options.Device ? split : new DataSplit(split.Features.to(_options.Device), split.Labels?.to(_options.Device));

    public void Dispose()
    {
        _optimizer.Dispose();
        _shuffle.Dispose();
        Model.Dispose();
        GC.SuppressFinalize(this);
    }
}
