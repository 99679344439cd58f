using System;
using System.Collections.Generic;
using System.Diagnostics;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Maximises the ELBO of a generated unsupervised model with Adam; reports the test ELBO after each epoch. A NaN or
/// infinite loss stops training with <see cref="NonFiniteLossException"/> (or skips the batch).
/// </summary>
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
        var loss = new EpochLoss();
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var x = train.Batch(order.narrow(0, (long)step * batch, batch), PixelSampler, Options.Device);
            loss.Add(Step(new StepPosition(epoch, step + 1, steps), () => Model.Objective(x).mean().neg(), () => Breakdown(x)));
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Model.eval();
        var elbo = Evaluation.MeanBound(Model.Bound, test, 1000, Options.Device);
        return new EpochReport(epoch, loss.Mean, elbo, double.NaN, clock.Elapsed.TotalSeconds, steps / trainSeconds)
        {
            SkippedSteps = loss.Skipped,
        };
    }

    /// <summary>The loss has one term here, the ELBO (or its estimator's surrogate); the inputs may explain it.</summary>
    private LossBreakdown Breakdown(Tensor x)
    {
        using var noGrad = no_grad();
        return new LossBreakdown(
            new[] { SemiSupervisedObjective.Term(ElboTerm, () => Model.Objective(x)) },
            InputCheck.NonFinite(("batch", x)));
    }

    public const string ElboTerm = "ELBO objective";
}
