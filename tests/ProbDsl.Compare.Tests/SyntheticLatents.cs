using static TorchSharp.torch;

namespace ProbDsl.Compare.Tests;

/// <summary>Synthetic E[z] with known answers for the latent-space measures: Gaussian clusters, one per class.</summary>
internal static class SyntheticLatents
{
    /// <summary>
    /// <paramref name="n"/> points of <paramref name="classes"/> balanced classes (labels i mod K in a random order):
    /// class c centred at <paramref name="separation"/>·e_c in <paramref name="dimensions"/> ≥ K dimensions, unit sd.
    /// </summary>
    public static (Tensor Points, Tensor Labels) Clusters(int n, int classes, int dimensions, double separation, ulong seed)
    {
        using var generator = new Generator(seed, device: CPU);
        var labels = arange(n, dtype: int64).remainder(classes).index_select(0, randperm(n, generator: generator));
        var centres = eye(classes, dimensions, dtype: float64) * separation;
        var points = centres.index_select(0, labels) + randn(new long[] { n, dimensions }, dtype: float64, generator: generator);
        return (points, labels);
    }

    /// <summary>Points that ignore their labels: standard normal, labels drawn uniformly.</summary>
    public static (Tensor Points, Tensor Labels) Independent(int n, int classes, int dimensions, ulong seed)
    {
        using var generator = new Generator(seed, device: CPU);
        var points = randn(new long[] { n, dimensions }, dtype: float64, generator: generator);
        var labels = randint(classes, new long[] { n }, dtype: int64, generator: generator);
        return (points, labels);
    }
}
