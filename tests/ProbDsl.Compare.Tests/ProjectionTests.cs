using System;
using ProbDsl.Cli.Measures;
using static TorchSharp.torch;

namespace ProbDsl.Compare.Tests;

/// <summary>The PCA projection against examples computed by hand.</summary>
public class ProjectionTests
{
    /// <summary>
    /// (2,2), (−2,−2), (1,−1), (−1,1): centred; covariance [[10,6],[6,10]]/3 with eigenvalues 16/3 on (1,1)/√2 and
    /// 4/3 on (1,−1)/√2 (sign: largest component positive, the first on a tie).
    /// </summary>
    [Fact]
    public void TwoDimensions()
    {
        var (first, second, explained) = Projection.Pca(tensor(new double[] { 2, 2, -2, -2, 1, -1, -1, 1 }).view(4, 2));
        var r = Math.Sqrt(2);
        Close([2 * r, -2 * r, 0, 0], first);
        Close([0, 0, r, -r], second);
        Close([0.8, 0.2], explained);
    }

    /// <summary>
    /// (1,2,0), (−1,−2,0), (0,0,1), (0,0,−1): covariance [[2,4,0],[4,8,0],[0,0,2]]/3, eigenvalues 10/3 on
    /// (1,2,0)/√5, 2/3 on (0,0,1) and 0: coordinates (√5, −√5, 0, 0) and (0, 0, 1, −1), 5/6 and 1/6 of the variance.
    /// </summary>
    [Fact]
    public void ThreeDimensions()
    {
        var (first, second, explained) = Projection.Pca(tensor(new double[] { 1, 2, 0, -1, -2, 0, 0, 0, 1, 0, 0, -1 }).view(4, 3));
        var r = Math.Sqrt(5);
        Close([r, -r, 0, 0], first);
        Close([0, 0, 1, -1], second);
        Close([5.0 / 6, 1.0 / 6], explained);
    }

    private static void Close(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-9);
    }
}
