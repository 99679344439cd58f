using System;
using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Inference.Data;

/// <summary>Images as bytes (N × 784, row-major) and labels (0–9). Conversion to tensors is in <see cref="MnistTensors"/>.</summary>
public sealed record MnistSplit(byte[] Pixels, byte[] Labels)
{
    public const int ImageSize = 784;

    public int Count => Labels.Length;
}

/// <summary>The 60,000 training and 10,000 test images of MNIST.</summary>
public sealed record MnistDataset(MnistSplit Train, MnistSplit Test)
{
    /// <summary>
    /// Splits the training set into a labelled subset with <paramref name="labelled"/>/10 examples of each class,
    /// drawn with <paramref name="seed"/>, and the unlabelled rest. Deterministic for a seed on every platform.
    /// </summary>
    public (int[] Labelled, int[] Unlabelled) BalancedSplit(int labelled, int seed)
    {
        if (labelled <= 0 || labelled % 10 != 0)
            throw new ArgumentException($"--labels must be a positive multiple of 10 (one tenth per class); got {labelled}.");
        var perClass = labelled / 10;
        var chosen = new List<int>();
        var random = new SplitMix64((ulong)seed);
        for (var digit = 0; digit < 10; digit++)
        {
            var candidates = Enumerable.Range(0, Train.Count).Where(i => Train.Labels[i] == digit).ToArray();
            if (candidates.Length < perClass)
                throw new ArgumentException($"--labels {labelled} asks for {perClass} examples of digit {digit}, but only {candidates.Length} exist.");
            random.Shuffle(candidates);
            chosen.AddRange(candidates.Take(perClass));
        }
        var labelledSet = new HashSet<int>(chosen);
        var sortedLabelled = chosen.OrderBy(i => i).ToArray();
        return (sortedLabelled, Enumerable.Range(0, Train.Count).Where(i => !labelledSet.Contains(i)).ToArray());
    }
}

/// <summary>A tiny, fully specified PRNG (SplitMix64), so subsets do not depend on System.Random's implementation.</summary>
internal sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Fisher–Yates with an unbiased bounded draw.</summary>
    public void Shuffle(int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)Bounded((ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private ulong Bounded(ulong bound)
    {
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong value;
        do
            value = Next();
        while (value >= limit);
        return value % bound;
    }
}
