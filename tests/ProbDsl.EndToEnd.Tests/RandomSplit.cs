using ProbDsl.Inference.Training;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>Random labelled rows for training tests, drawn from their own generator (never the global one).</summary>
internal static class RandomSplit
{
    /// <summary>
    /// <paramref name="rows"/> rows of <paramref name="size"/> pixel probabilities with labels in 0..classes-1: kept as
    /// probabilities and dynamically binarised in training, or (<paramref name="dynamic"/> false) thresholded at 0.5.
    /// </summary>
    public static DataSplit Of(long rows, int size, int classes, int seed, bool dynamic = true)
    {
        using var generator = new Generator((ulong)seed);
        var probabilities = rand(new long[] { rows, size }, generator: generator);
        var labels = randint(0, classes, new long[] { rows }, generator: generator, dtype: int64);
        return new DataSplit(dynamic ? probabilities : probabilities.gt(0.5).to(float32), labels, dynamic);
    }
}
