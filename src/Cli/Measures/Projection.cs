using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Measures;

/// <summary>
/// A 2-D principal-component projection: the points are centred, the covariance (n − 1) is eigendecomposed
/// (symmetric, float64) and the points are projected on its two leading eigenvectors. Each eigenvector's sign is
/// fixed so that its largest-magnitude component (the first, on a tie) is positive. One-dimensional points get 0
/// as their second coordinate.
/// </summary>
internal static class Projection
{
    /// <param name="points">[N, d], N ≥ 2.</param>
    /// <returns>The coordinates, [N] each, and the fraction of the total variance each component explains.</returns>
    public static (double[] First, double[] Second, double[] Explained) Pca(Tensor points)
    {
        using var scope = NewDisposeScope();
        var z = points.to(float64);
        var centred = z - z.mean([0L], keepdim: true);
        var covariance = centred.t().matmul(centred) / Math.Max(1, z.shape[0] - 1);
        var (values, vectors) = linalg.eigh(covariance); // ascending
        var d = (int)z.shape[1];
        var total = values.clamp_min(0).sum().ToDouble();
        var first = Component(centred, vectors, d - 1);
        var second = d >= 2 ? Component(centred, vectors, d - 2) : new double[z.shape[0]];
        var explained = new[] { Fraction(values, d - 1, total), d >= 2 ? Fraction(values, d - 2, total) : 0 };
        return (first, second, explained);
    }

    private static double[] Component(Tensor centred, Tensor vectors, int column)
    {
        var v = vectors.select(1, column);
        var largest = v.abs().argmax().ToInt64();
        if (v[largest].ToDouble() < 0)
            v = v.neg();
        return centred.matmul(v).data<double>().ToArray();
    }

    private static double Fraction(Tensor values, int index, double total) =>
        total > 0 ? Math.Max(0, values[index].ToDouble()) / total : 0;
}
