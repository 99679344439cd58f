using System;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Examples as tensors: features [N, D] (float32) and, when labelled, class indices [N] (int64). Features may be
/// the parameters of a distribution that every batch draws fresh values from: Bernoulli probabilities (dynamic
/// binarisation) or, with <see cref="Scales"/>, Normal means — an encoder's q(h|x) used as another model's data,
/// as Kingma et al.'s M1+M2 does.
/// </summary>
public sealed class DataSplit : IDisposable
{
    public DataSplit(Tensor features, Tensor? labels, bool dynamicBinarization = false)
        : this(features, labels, dynamicBinarization, scales: null)
    {
    }

    private DataSplit(Tensor features, Tensor? labels, bool dynamicBinarization, Tensor? scales)
    {
        if (labels is not null && labels.shape[0] != features.shape[0])
            throw new ArgumentException($"{features.shape[0]} feature rows but {labels.shape[0]} labels.");
        if (scales is not null && !scales.shape.AsSpan().SequenceEqual(features.shape))
            throw new ArgumentException($"The scales have shape [{string.Join(", ", scales.shape)}]; the features [{string.Join(", ", features.shape)}].");
        Features = features;
        Labels = labels;
        DynamicBinarization = dynamicBinarization;
        Scales = scales;
    }

    /// <summary>
    /// Rows whose every batch is a fresh draw from Normal(<paramref name="means"/>, <paramref name="scales"/>);
    /// <see cref="Features"/> are the means (what evaluation uses).
    /// </summary>
    public static DataSplit Gaussian(Tensor means, Tensor scales, Tensor? labels) => new(means, labels, dynamicBinarization: false, scales);

    /// <summary>The stored rows, or the means of the distribution that batches are drawn from.</summary>
    public Tensor Features { get; }

    /// <summary>When true, <see cref="Features"/> hold Bernoulli probabilities and <see cref="Batch"/> samples them.</summary>
    public bool DynamicBinarization { get; }

    /// <summary>When set, <see cref="Features"/> are Normal means, these their scales, and <see cref="Batch"/> samples them.</summary>
    public Tensor? Scales { get; }

    /// <summary>
    /// The rows at <paramref name="indices"/> as the model should see them, on <paramref name="device"/>: the stored
    /// features, or a fresh draw from the distribution they parameterise, made with <paramref name="sampler"/> (a CPU
    /// generator, so the draws do not depend on the device).
    /// </summary>
    public Tensor Batch(Tensor indices, Generator sampler, Device device)
    {
        var rows = Features.index_select(0, indices);
        if (DynamicBinarization)
            return bernoulli(rows, generator: sampler).to(device);
        if (Scales is not null)
            return (rows + Scales.index_select(0, indices) * randn(rows.shape, generator: sampler)).to(device);
        return rows.to(device);
    }

    public Tensor? Labels { get; }

    public long Count => Features.shape[0];

    public Tensor RequireLabels() => Labels ?? throw new InvalidOperationException("This split has no labels.");

    public void Dispose()
    {
        Features.Dispose();
        Labels?.Dispose();
        Scales?.Dispose();
    }
}

/// <summary>The three sets semi-supervised training sees.</summary>
public sealed record SemiSupervisedData(DataSplit Labelled, DataSplit Unlabelled, DataSplit Test)
{
    /// <summary>N = |D_l| + |D_u|.</summary>
    public long TrainingCount => Labelled.Count + Unlabelled.Count;
}
