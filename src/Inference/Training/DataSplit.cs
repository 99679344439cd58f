using System;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Examples as tensors: features [N, D] (float32) and, when labelled, class indices [N] (int64). With dynamic
/// binarisation the features are probabilities and every batch draws fresh binary values from them.
/// </summary>
public sealed class DataSplit : IDisposable
{
    public DataSplit(Tensor features, Tensor? labels, bool dynamicBinarization = false)
    {
        if (labels is not null && labels.shape[0] != features.shape[0])
            throw new ArgumentException($"{features.shape[0]} feature rows but {labels.shape[0]} labels.");
        Features = features;
        Labels = labels;
        DynamicBinarization = dynamicBinarization;
    }

    public Tensor Features { get; }

    /// <summary>When true, <see cref="Features"/> hold Bernoulli probabilities and <see cref="Batch"/> samples them.</summary>
    public bool DynamicBinarization { get; }

    /// <summary>
    /// The rows at <paramref name="indices"/> as the model should see them, on <paramref name="device"/>: the stored
    /// features, or under dynamic binarisation a fresh Bernoulli draw of them from <paramref name="sampler"/> (a CPU
    /// generator, so the draws do not depend on the device).
    /// </summary>
    public Tensor Batch(Tensor indices, Generator sampler, Device device)
    {
        var rows = Features.index_select(0, indices);
        return (DynamicBinarization ? bernoulli(rows, generator: sampler) : rows).to(device);
    }

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
