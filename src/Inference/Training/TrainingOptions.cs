using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>How to train. Defaults follow Kingma et al. 2014 and Pyro's SS-VAE (Adam, 3e-4, batch 200).</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 10;

    /// <summary>Unlabelled examples per step; one epoch is one pass over the unlabelled data.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Labelled examples per step, drawn cyclically from the labelled set (capped at its size).</summary>
    public int LabelledBatchSize { get; init; } = 100;

    public double LearningRate { get; init; } = 3e-4;

    public int Seed { get; init; } = 0;

    /// <summary>Overrides the α declared in the .pdsl objective when set.</summary>
    public double? Alpha { get; init; }

    public Device Device { get; init; } = CPU;

    /// <summary>When set, the model's weights are written here (atomically) after every epoch.</summary>
    public string? CheckpointPath { get; init; }
}
