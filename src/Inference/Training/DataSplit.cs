using System;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>Examples as tensors: features [N, D] (float32) and, when labelled, class indices [N] (int64).</summary>
public sealed class DataSplit : IDisposable
{
    public DataSplit(Tensor features, Tensor? labels)
    {
        if (labels is not null && labels.shape[0] != features.shape[0])
            throw new ArgumentException($"{features.shape[0]} feature rows but {labels.shape[0]} labels.");
        Features = features;
        Labels = labels;
    }

    public Tensor Features { get; }

    public Tensor? Labels { get; }

    public long Count => Features.shape[0];

    public Tensor RequireLabels() => Labels ?? throw new InvalidOperationException("This split has no labels.");

    public void Dispose()
    {
        Features.Dispose();
        Labels?.Dispose();
    }
}

/// <summary>The three sets semi-supervised training sees.</summary>
public sealed record SemiSupervisedData(DataSplit Labelled, DataSplit Unlabelled, DataSplit Test)
{
    /// <summary>N = |D_l| + |D_u|.</summary>
    public long TrainingCount => Labelled.Count + Unlabelled.Count;
}
