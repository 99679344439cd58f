namespace ProbDsl.Datasets;

/// <summary>
/// A permutation of 0..n-1 fixed by a seed, the same on every machine and .NET version (SplitMix64 and
/// Fisher–Yates, like the MNIST labelled subset): a "seed 0" split of a user's data set must pick the same rows
/// everywhere.
/// </summary>
public static class SeededPermutation
{
    public static int[] Of(int n, int seed)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        new SplitMix64((ulong)seed).Shuffle(order);
        return order;
    }
}
