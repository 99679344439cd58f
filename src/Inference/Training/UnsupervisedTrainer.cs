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

    /// <summary>Told after every step (for progress bars); null by default.</summary>
    public IProgress<StepProgress>? StepProgress { get; set; }

    /// <summary>Trains (or, with <see cref="TrainingOptions.ResumeFrom"/>, continues) and returns every epoch's report.</summary>
    /// <exception cref="CheckpointException">The checkpoint to resume from is missing, damaged, or of another model or settings.</exception>
    public IReadOnlyList<EpochReport> Train(DataSplit train, DataSplit test, Action<EpochReport>? onEpoch = null)
    {
        var plan = new EpochPlan(epoch => new EpochState(epoch, randperm(train.Count, generator: Shuffle), labelled: null, new EpochLoss(), stepsDone: 0));
        var settings = new Dictionary<string, string> { ["data sizes"] = $"{train.Count} training, {test.Count} test" };
        return RunEpochs(settings, plan, state => TrainEpoch(state, train, test), onEpoch);
    }

    private EpochReport TrainEpoch(EpochState state, DataSplit train, DataSplit test)
    {
        var clock = Stopwatch.StartNew();
        Model.train();
        var batch = (int)Math.Min(Options.BatchSize, train.Count);
        var steps = (int)(train.Count / batch);
        var first = state.StepsDone;
        for (var step = first; step < steps; step++)
        {
            using (NewDisposeScope())
            {
                var x = train.Batch(state.Order.narrow(0, (long)step * batch, batch), PixelSampler, Options.Device);
                state.Loss.Add(Step(new StepPosition(state.Epoch, step + 1, steps), () => Model.Objective(x).mean().neg(), () => Breakdown(x)));
            }
            StepDone(state);
            StepProgress?.Report(new StepProgress(state.Epoch, step + 1, steps, state.Loss.Mean));
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Model.eval();
        var elbo = Evaluation.MeanBound(Model.Bound, test, 1000, Options.Device);
        return new EpochReport(state.Epoch, state.Loss.Mean, elbo, double.NaN, clock.Elapsed.TotalSeconds, (steps - first) / trainSeconds)
        {
            SkippedSteps = state.Loss.Skipped,
        };
    }

    /// <summary>The loss has one term here, the ELBO (or its estimator's surrogate); the inputs may explain it.</summary>
    private LossBreakdown Breakdown(Tensor x)
    {
        using var noGrad = no_grad();
        return new LossBreakdown(
            new[] { SemiSupervisedObjective.WithParts(SemiSupervisedObjective.Term(ElboTerm, () => Model.Objective(x)), BoundParts, () => Model.BoundTerms(x)) },
            InputCheck.NonFinite(("batch", x)));
    }

    public const string ElboTerm = "ELBO objective";

    /// <summary>What the parts of a non-finite ELBO are of.</summary>
    public const string BoundParts = "the ELBO";
}
