using System;
using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Datasets;

/// <summary>The 60,000 training and 10,000 test images of MNIST (or any data set of the same shape).</summary>
public sealed record MnistDataset(MnistSplit Train, MnistSplit Test)
{
    public const int Classes = 10;

    /// <summary>
    /// Splits the training set into a labelled subset of <paramref name="labelled"/> images -
    /// exactly <paramref name="labelled"/>/10 of each digit, as in Kingma et al.'s experiments - and the
    /// unlabelled rest. The draw depends only on the labels and <paramref name="seed"/> (our own SplitMix64,
    /// digits shuffled in turn 0..9), so it is the same on every run, platform and .NET version.
    /// Both index arrays are sorted ascending; together they cover the training set exactly once.
    /// Do not change the draw: published results (README, bench) name their subset by seed.
    /// </summary>
    public (int[] Labelled, int[] Unlabelled) BalancedSplit(int labelled, int seed)
    {
        if (labelled <= 0 || labelled % Classes != 0)
            throw new ArgumentException($"--labels must be a positive multiple of {Classes} (the same number of each digit); got {labelled}.");
        var perClass = labelled / Classes;
        var chosen = new List<int>(labelled);
        var random = new SplitMix64(unchecked((ulong)seed));
        for (var digit = 0; digit < Classes; digit++)
        {
            var candidates = Enumerable.Range(0, Train.Count).Where(i => Train.Labels[i] == digit).ToArray();
            if (candidates.Length < perClass)
                throw new ArgumentException(
                    $"--labels {labelled} needs {perClass} examples of digit {digit}, but the training set has only {candidates.Length}.");
            random.Shuffle(candidates);
            chosen.AddRange(candidates.Take(perClass));
        }
        chosen.Sort();
        var isLabelled = new bool[Train.Count];
        foreach (var index in chosen)
            isLabelled[index] = true;
        return (chosen.ToArray(), Enumerable.Range(0, Train.Count).Where(i => !isLabelled[i]).ToArray());
    }
}
