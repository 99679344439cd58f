using System.Linq;
using ProbDsl.Inference.Training;
using static TorchSharp.torch;

namespace ProbDsl.Datasets;

/// <summary>
/// MNIST as tensors for the trainer: pixels as Bernoulli targets (float32), labels as int64. The only file of
/// the data layer that touches TorchSharp, so reading and splitting MNIST works (and is tested) without it.
/// </summary>
public static class MnistTensors
{
    /// <summary>The rows at <paramref name="indices"/> (all when null), in that order.</summary>
    public static DataSplit Rows(MnistSplit split, int[]? indices = null, bool withLabels = true, PixelEncoding encoding = PixelEncoding.Binarized)
    {
        indices ??= Enumerable.Range(0, split.Count).ToArray();
        var features = tensor(split.Features(indices, encoding), new long[] { indices.Length, MnistSplit.ImageSize });
        var labels = withLabels ? tensor(indices.Select(i => (long)split.Labels[i]).ToArray()) : null;
        return new DataSplit(features, labels, dynamicBinarization: encoding == PixelEncoding.Dynamic);
    }

    /// <summary>The semi-supervised view of MNIST: a balanced labelled subset, the unlabelled rest, the test set.</summary>
    /// <param name="testLimit">Only the first so many test images (for quick runs).</param>
    /// <param name="unlabelledLimit">Only the first so many unlabelled images (for quick runs).</param>
    public static SemiSupervisedData SemiSupervised(
        MnistDataset mnist, int labels, int seed, int? testLimit = null, int? unlabelledLimit = null, PixelEncoding encoding = PixelEncoding.Dynamic)
    {
        var (labelled, unlabelled) = mnist.BalancedSplit(labels, seed);
        if (unlabelledLimit is int limit)
            unlabelled = unlabelled.Take(limit).ToArray();
        var test = Enumerable.Range(0, testLimit ?? mnist.Test.Count).ToArray();
        return new SemiSupervisedData(
            Rows(mnist.Train, labelled, encoding: encoding),
            Rows(mnist.Train, unlabelled, withLabels: false, encoding: encoding),
            Rows(mnist.Test, test, encoding: TestEncoding(encoding)));
    }

    /// <summary>
    /// Under dynamic binarisation the test images are thresholded at 0.5: fixed, identical in every run, and the
    /// classifier is judged on clean digits rather than on one arbitrary noisy draw of them.
    /// </summary>
    public static PixelEncoding TestEncoding(PixelEncoding training) =>
        training == PixelEncoding.Dynamic ? PixelEncoding.Binarized : training;
}
