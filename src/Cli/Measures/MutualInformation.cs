using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Measures;

/// <summary>
/// I(z; y) in nats between continuous points z and a discrete label y, by Ross's (2014) k-nearest-neighbour
/// estimator (as scikit-learn's mutual_info_classif computes it): for each point, r is the distance to its k-th
/// nearest neighbour of the same class (k reduced to the class size − 1 for small classes), m the number of points
/// of any class closer than r (itself included), and
/// I = ψ(N) + ⟨ψ(k)⟩ − ⟨ψ(N_y)⟩ − ⟨ψ(m)⟩, clipped at 0. Points of a class with a single member are left out.
/// It approaches H(y) (log K for K balanced classes) when the classes are separated and 0 when z ignores y.
/// As scikit-learn does, the points first get a jitter of 1e-10 · max(1, mean |z|) standard-normal noise (seed 0):
/// identical points (identical inputs x give identical E[z]) would otherwise give zero radii and count no neighbours.
/// </summary>
internal static class MutualInformation
{
    public const int DefaultK = 3;
    private const int Chunk = 500;

    /// <param name="points">[N, d], any float type.</param>
    /// <param name="labels">[N] class indices.</param>
    public static double Ross(Tensor points, Tensor labels, int k = DefaultK)
    {
        using var scope = NewDisposeScope();
        var y = labels.to(int64);
        var all = y.data<long>().ToArray();
        var counts = all.GroupBy(c => c).ToDictionary(g => g.Key, g => g.LongCount());
        var keep = Enumerable.Range(0, all.Length).Where(i => counts[all[i]] > 1).Select(i => (long)i).ToArray();
        if (keep.Length < 2)
            return 0;
        var index = tensor(keep, int64);
        var z = points.to(float64).index_select(0, index);
        using (var generator = new Generator(0, device: CPU))
            z = z + randn(z.shape, dtype: float64, generator: generator) * (1e-10 * Math.Max(1, z.abs().mean().ToDouble()));
        y = y.index_select(0, index);
        var kept = y.data<long>().ToArray();
        var n = kept.Length;
        // Per point: k_i = min(k, N_y − 1), the rank of its k-th same-class neighbour with itself at rank 0.
        var ks = kept.Select(c => Math.Min(k, counts[c] - 1)).ToArray();
        var nearest = (int)Math.Min(n, ks.Max() + 1);
        double sumPsiM = 0;
        for (long start = 0; start < n; start += Chunk)
        {
            using var chunk = NewDisposeScope();
            var length = Math.Min(Chunk, n - start);
            var distances = cdist(z.narrow(0, start, length), z);
            var same = y.narrow(0, start, length).unsqueeze(1).eq(y.unsqueeze(0));
            // The nearest k + 1 of the same class (itself first) suffice: k_i ≤ k.
            var sorted = distances.masked_fill(same.logical_not(), double.PositiveInfinity).topk(nearest, dim: 1, largest: false, sorted: true).values;
            var rank = tensor(ks.Skip((int)start).Take((int)length).ToArray(), int64).unsqueeze(1);
            var radius = sorted.gather(1, rank);
            var within = distances.lt(radius).sum(1).data<long>().ToArray();
            foreach (var m in within)
                sumPsiM += Digamma.Of(Math.Max(1, m));
        }
        var estimate = Digamma.Of(n) + ks.Average(Digamma.Of) - kept.Average(c => Digamma.Of(counts[c])) - sumPsiM / n;
        return Math.Max(0, estimate);
    }

    /// <summary>H(y) in nats of the labels' empirical distribution: the largest I(z; y) can be.</summary>
    public static double LabelEntropy(Tensor labels)
    {
        var all = labels.to(int64).data<long>().ToArray();
        return -all.GroupBy(c => c).Select(g => (double)g.Count() / all.Length).Sum(p => p * Math.Log(p));
    }
}
