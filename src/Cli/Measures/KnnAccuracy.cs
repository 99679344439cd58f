using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Measures;

/// <summary>
/// How well the points predict their classes by their k nearest neighbours (Euclidean): the rows at even positions
/// are the reference set, the rows at odd positions are classified by a vote of their k nearest reference rows
/// (a tie goes to the class of the nearer neighbours) and the accuracy is over the odd rows. A fixed half, so the
/// number depends on nothing but the points.
/// </summary>
internal static class KnnAccuracy
{
    public const int DefaultK = 5;
    private const int Chunk = 500;

    /// <param name="points">[N, d], any float type, N ≥ 2.</param>
    /// <param name="labels">[N] class indices 0 … classes − 1.</param>
    public static double Of(Tensor points, Tensor labels, int classes, int k = DefaultK)
    {
        using var scope = NewDisposeScope();
        var z = points.to(float64);
        var y = labels.to(int64);
        var reference = z.index_select(0, arange(0, z.shape[0], 2, dtype: int64));
        var referenceLabels = y.index_select(0, arange(0, z.shape[0], 2, dtype: int64));
        var query = z.index_select(0, arange(1, z.shape[0], 2, dtype: int64));
        var queryLabels = y.index_select(0, arange(1, z.shape[0], 2, dtype: int64));
        var neighbours = (int)Math.Min(k, reference.shape[0]);
        // Vote weights 1 + ε·(k − rank): a tie between classes goes to the one with the nearer neighbours.
        var weights = (ones(neighbours, dtype: float64) + arange(neighbours, 0, -1, dtype: float64) * 1e-6).unsqueeze(0);
        long correct = 0;
        for (long start = 0; start < query.shape[0]; start += Chunk)
        {
            using var chunk = NewDisposeScope();
            var length = Math.Min(Chunk, query.shape[0] - start);
            var distances = cdist(query.narrow(0, start, length), reference);
            var nearest = distances.topk(neighbours, dim: 1, largest: false, sorted: true).indexes;
            var votes = zeros(length, classes, dtype: float64).scatter_add_(1, referenceLabels.index_select(0, nearest.flatten()).view(length, neighbours), weights.expand(length, neighbours));
            correct += votes.argmax(1).eq(queryLabels.narrow(0, start, length)).sum().ToInt64();
        }
        return (double)correct / query.shape[0];
    }
}
