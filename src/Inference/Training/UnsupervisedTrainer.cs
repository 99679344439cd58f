using System;
using System.Collections.Generic;
using System.Diagnostics;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>Maximises the ELBO of a generated unsupervised model with Adam; reports the test ELBO after each epoch.</summary>
public class UnsupervisedTrainer<TModel> : Trainer<TModel>
    where TModel : nn.Module, IUnsupervisedModel
{
    protected UnsupervisedTrainer(TModel model, TrainingOptions options)
        : base(model, options)
    {
    }

    public IReadOnlyList<EpochReport> Train(DataSplit train, DataSplit test, Action<EpochReport>? onEpoch = null) =>
        RunEpochs(epoch => TrainEpoch(epoch, train, test), onEpoch);

    private EpochReport TrainEpoch(int epoch, DataSplit train, DataSplit test)
    {
        var clock = Stopwatch.StartNew();
        Model.train();
        var batch = (int)Math.Min(Options.BatchSize, train.Count);
        var steps = (int)(train.Count / batch);
        using var order = randperm(train.Count, generator: Shuffle);
        double lossSum = 0;
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var x = train.Batch(order.narrow(0, (long)step * batch, batch), PixelSampler, Options.Device);
            lossSum += Step(() => Model.Objective(x).mean().neg());
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Model.eval();
        var elbo = Evaluation.MeanBound(Model.Bound, test, 1000, Options.Device);
        return new EpochReport(epoch, lossSum / steps, elbo, double.NaN, clock.Elapsed.TotalSeconds, steps / trainSeconds);
    }
}
