using System.Linq;
using ProbDsl.Inference.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Data;

/// <summary>How pixel bytes become Bernoulli targets.</summary>
public enum PixelEncoding
{
    /// <summary>Intensities scaled to [0, 1], used as soft Bernoulli targets (as Pyro's SS-VAE does).</summary>
    Intensity,

    /// <summary>Thresholded at 0.5 to exactly 0 or 1.</summary>
    Binarized,
}

/// <summary>MNIST as tensors for the trainer: pixels as Bernoulli targets, labels as int64.</summary>
public static class MnistTensors
{
    public static DataSplit Rows(MnistSplit split, int[]? indices = null, bool withLabels = true, PixelEncoding encoding = PixelEncoding.Binarized)
    {
        indices ??= Enumerable.Range(0, split.Count).ToArray();
        var pixels = new float[indices.Length * MnistSplit.ImageSize];
        var labels = new long[indices.Length];
        for (var row = 0; row < indices.Length; row++)
        {
            var source = indices[row] * MnistSplit.ImageSize;
            for (var p = 0; p < MnistSplit.ImageSize; p++)
                pixels[row * MnistSplit.ImageSize + p] = encoding == PixelEncoding.Binarized
                    ? (split.Pixels[source + p] >= 128 ? 1f : 0f)
                    : split.Pixels[source + p] / 255f;
            labels[row] = split.Labels[indices[row]];
        }
        var features = tensor(pixels, new long[] { indices.Length, MnistSplit.ImageSize });
        return new DataSplit(features, withLabels ? tensor(labels) : null);
    }

    /// <summary>The semi-supervised view of MNIST: a balanced labelled subset, the unlabelled rest, the test set.</summary>
    public static SemiSupervisedData SemiSupervised(
        MnistDataset mnist, int labels, int seed, int? testLimit = null, int? unlabelledLimit = null, PixelEncoding encoding = PixelEncoding.Binarized)
    {
        var (labelled, unlabelled) = mnist.BalancedSplit(labels, seed);
        if (unlabelledLimit is int limit)
            unlabelled = unlabelled.Take(limit).ToArray();
        var test = Enumerable.Range(0, testLimit ?? mnist.Test.Count).ToArray();
        return new SemiSupervisedData(
            Rows(mnist.Train, labelled, encoding: encoding),
            Rows(mnist.Train, unlabelled, withLabels: false, encoding: encoding),
            Rows(mnist.Test, test, encoding: encoding));
    }
}
