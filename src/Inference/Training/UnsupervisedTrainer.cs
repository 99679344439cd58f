using System;
using System.Collections.Generic;
using System.Diagnostics;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>Maximises the ELBO of a generated unsupervised model with Adam; reports the test ELBO after each epoch.</summary>
public class UnsupervisedTrainer<TModel> : IDisposable
    where TModel : nn.Module, IUnsupervisedModel
{
    private readonly TrainingOptions _options;
    private readonly optim.Optimizer _optimizer;
    private readonly Generator _shuffle;

    protected UnsupervisedTrainer(TModel model, TrainingOptions options)
    {
        _options = options;
        Model = model;
        Model.to(options.Device);
        _optimizer = optim.Adam(Model.parameters(), lr: options.LearningRate);
        _shuffle = new Generator((ulong)options.Seed, device: CPU);
    }

    public TModel Model { get; }

    public IReadOnlyList<EpochReport> Train(DataSplit train, DataSplit test, Action<EpochReport>? onEpoch = null)
    {
        var reports = new List<EpochReport>();
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            Model.train();
            var batch = (int)Math.Min(_options.BatchSize, train.Count);
            var steps = (int)(train.Count / batch);
            using var order = randperm(train.Count, generator: _shuffle);
            double lossSum = 0;
            for (var step = 0; step < steps; step++)
            {
                using var scope = NewDisposeScope();
                var x = train.Features.index_select(0, order.narrow(0, (long)step * batch, batch)).to(_options.Device);
                _optimizer.zero_grad();
                var loss = Model.Objective(x).mean().neg();
                loss.backward();
                _optimizer.step();
                lossSum += loss.ToDouble();
            }
            var trainSeconds = clock.Elapsed.TotalSeconds;
            Model.eval();
            var report = new EpochReport(epoch, lossSum / steps, TestElbo(test), double.NaN, clock.Elapsed.TotalSeconds, steps / trainSeconds);
            reports.Add(report);
            if (_options.CheckpointPath is not null)
                Checkpoint.SaveAtomically(Model, _options.CheckpointPath);
            onEpoch?.Invoke(report);
        }
        return reports;
    }

    private double TestElbo(DataSplit test)
    {
        using var noGrad = no_grad();
        double sum = 0;
        for (long start = 0; start < test.Count; start += 1000)
        {
            using var scope = NewDisposeScope();
            sum += Model.Bound(test.Features.narrow(0, start, Math.Min(1000, test.Count - start)).to(_options.Device)).sum().ToDouble();
        }
        return sum / test.Count;
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _shuffle.Dispose();
        Model.Dispose();
        GC.SuppressFinalize(this);
    }
}
