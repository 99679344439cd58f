using System.Linq;
using ProbDsl.Inference.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Data;

/// <summary>MNIST as tensors for the trainer: pixels binarised at 0.5 (as in Kingma's and Pyro's M2), labels as int64.</summary>
public static class MnistTensors
{
    public static DataSplit Rows(MnistSplit split, int[]? indices = null, bool withLabels = true)
    {
        indices ??= Enumerable.Range(0, split.Count).ToArray();
        var pixels = new float[indices.Length * MnistSplit.ImageSize];
        var labels = new long[indices.Length];
        for (var row = 0; row < indices.Length; row++)
        {
            var source = indices[row] * MnistSplit.ImageSize;
            for (var p = 0; p < MnistSplit.ImageSize; p++)
                pixels[row * MnistSplit.ImageSize + p] = split.Pixels[source + p] >= 128 ? 1f : 0f;
            labels[row] = split.Labels[indices[row]];
        }
        var features = tensor(pixels, new long[] { indices.Length, MnistSplit.ImageSize });
        return new DataSplit(features, withLabels ? tensor(labels) : null);
    }

    /// <summary>The semi-supervised view of MNIST: a balanced labelled subset, the unlabelled rest, the test set.</summary>
    public static SemiSupervisedData SemiSupervised(MnistDataset mnist, int labels, int seed, int? testLimit = null, int? unlabelledLimit = null)
    {
        var (labelled, unlabelled) = mnist.BalancedSplit(labels, seed);
        if (unlabelledLimit is int limit)
            unlabelled = unlabelled.Take(limit).ToArray();
        var test = Enumerable.Range(0, testLimit ?? mnist.Test.Count).ToArray();
        return new SemiSupervisedData(Rows(mnist.Train, labelled), Rows(mnist.Train, unlabelled, withLabels: false), Rows(mnist.Test, test));
    }
}
