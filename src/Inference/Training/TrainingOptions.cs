using System;
using System.IO;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// How to train. The one home of every training default: the examples' command lines and <c>probdsl train</c> read
/// theirs from <c>new TrainingOptions()</c> rather than repeating them. Adam with learning rate 1e-3 and batches of
/// 200 unlabelled + 100 labelled examples: the settings the README's M2 results on MNIST were measured with.
/// </summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 10;

    /// <summary>Unlabelled examples per step; one epoch is one pass over the unlabelled data.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Labelled examples per step, drawn cyclically from the labelled set (capped at its size).</summary>
    public int LabelledBatchSize { get; init; } = 100;

    /// <summary>
    /// Adam's learning rate. 1e-3, as measured for M2 on MNIST (README: 3000 labels, dynamic binarisation, 10 epochs,
    /// 93.29% test accuracy against 91.24% with 3e-4); Pyro's SS-VAE uses 4.2e-4.
    /// </summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>How labelled batches are spread over an epoch's steps (semi-supervised training only).</summary>
    public LabelledSchedule LabelledSchedule { get; init; } = LabelledSchedule.EveryStep;

    public int Seed { get; init; } = 0;

    /// <summary>Overrides the α declared in the .pdsl objective when set.</summary>
    public double? Alpha { get; init; }

    public Device Device { get; init; } = CPU;

    /// <summary>
    /// When set, a training checkpoint (weights, Adam's state, where training stands, every generator's state) is
    /// written here, atomically and durably, after every epoch and every <see cref="CheckpointEverySteps"/> steps.
    /// </summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Also write a checkpoint after every this many steps (0: only at the end of each epoch).</summary>
    public int CheckpointEverySteps { get; init; }

    /// <summary>How many checkpoints to keep: the newest at <see cref="CheckpointPath"/>, older ones as PATH.1, PATH.2, ...</summary>
    public int KeepCheckpoints { get; init; } = 2;

    /// <summary>
    /// Continue from this checkpoint file, or from the most advanced intact checkpoint of the model in this directory.
    /// The resumed run gives the same numbers as one never interrupted. When <see cref="CheckpointPath"/> is not set,
    /// it writes its checkpoints where the resumed one's run did (same directory, same name).
    /// </summary>
    public string? ResumeFrom { get; init; }

    /// <summary>
    /// What the data is, as the caller chose it (e.g. "MNIST, 100 labels, pixels Dynamic"). A checkpoint records it
    /// and resuming on a different description is refused, as for any other setting that changes the numbers.
    /// </summary>
    public string? DataDescription { get; init; }

    /// <summary>
    /// Every how many epochs a semi-supervised trainer computes the exact test ELBO (every class enumerated over the
    /// whole test set: ~2 s for MNIST on one core, 5–20% of an epoch); it is always computed after the last epoch.
    /// Other epochs report the test error from the classifier q(y|x) alone (~0.1 s) and no ELBO. 5 (the default): a
    /// 10-epoch run computes it twice (epochs 5 and 10); 1 computes it every epoch.
    /// </summary>
    public int ElboEvery { get; init; } = 5;

    /// <summary>Stop (the default) or skip the batch when a step's loss is NaN or infinite.</summary>
    public NonFiniteLossPolicy NonFiniteLoss { get; init; } = NonFiniteLossPolicy.Stop;

    /// <summary>
    /// Refuses values no run can use, naming the option: a NaN or infinite learning rate would train to NaN
    /// weights and write them over a good checkpoint; a size below 1 would divide by zero steps. Trainers call it
    /// before touching the model.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range; <see cref="ArgumentException.ParamName"/> names it.</exception>
    public void Validate()
    {
        Require(Epochs >= 1, nameof(Epochs), $"must be at least 1 (got {Epochs})");
        Require(BatchSize >= 1, nameof(BatchSize), $"must be at least 1 (got {BatchSize})");
        Require(ElboEvery >= 1, nameof(ElboEvery), $"must be at least 1 (got {ElboEvery})");
        Require(LabelledBatchSize >= 1, nameof(LabelledBatchSize), $"must be at least 1 (got {LabelledBatchSize})");
        Require(double.IsFinite(LearningRate) && LearningRate > 0, nameof(LearningRate), $"must be a positive finite number (got {LearningRate})");
        Require(Alpha is null || (double.IsFinite(Alpha.Value) && Alpha.Value >= 0), nameof(Alpha), $"must be a finite number >= 0 (got {Alpha})");
        Require(Device is not null, nameof(Device), "must be set");
        Require(Enum.IsDefined(LabelledSchedule), nameof(LabelledSchedule), $"is not a schedule (got {(int)LabelledSchedule})");
        Require(Enum.IsDefined(NonFiniteLoss), nameof(NonFiniteLoss), $"is not a policy (got {(int)NonFiniteLoss})");
        Require(CheckpointEverySteps >= 0, nameof(CheckpointEverySteps), $"must be 0 (epoch ends only) or more (got {CheckpointEverySteps})");
        Require(KeepCheckpoints is >= 1 and <= MaxKeptCheckpoints, nameof(KeepCheckpoints), $"must be between 1 and {MaxKeptCheckpoints} (got {KeepCheckpoints})");
        RequirePath(CheckpointPath, nameof(CheckpointPath));
        RequirePath(ResumeFrom, nameof(ResumeFrom));
    }

    /// <summary>Each kept checkpoint is a full copy of the weights and Adam's state; more than this is a typo, not a plan.</summary>
    public const int MaxKeptCheckpoints = 100;

    private static void RequirePath(string? path, string option)
    {
        if (path is not null)
            Require(path.Trim().Length > 0 && path.IndexOfAny(Path.GetInvalidPathChars()) < 0, option, $"must be a file path (got \"{path}\")");
    }

    private static void Require(bool condition, string option, string rule)
    {
        if (!condition)
            throw new ArgumentException(FormattableString.Invariant($"TrainingOptions.{option} {rule}."), option);
    }
}
