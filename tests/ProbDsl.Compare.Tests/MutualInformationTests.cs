using System;
using ProbDsl.Cli.Measures;

namespace ProbDsl.Compare.Tests;

/// <summary>Ross's k-NN estimate of I(z; y) against cases whose answer is known.</summary>
public class MutualInformationTests
{
    [Fact]
    public void SeparatedClustersGiveLogK()
    {
        var (z, y) = SyntheticLatents.Clusters(2000, classes: 4, dimensions: 5, separation: 40, seed: 1);
        Assert.Equal(Math.Log(4), MutualInformation.Ross(z, y), 0.02);
        Assert.Equal(Math.Log(4), MutualInformation.LabelEntropy(y), 1e-12);
    }

    /// <summary>Identical inputs give identical E[z]: every point twice must not make zero radii (and an estimate above log K).</summary>
    [Fact]
    public void DuplicatedPointsStillGiveLogK()
    {
        var (z, y) = SyntheticLatents.Clusters(1000, classes: 4, dimensions: 5, separation: 40, seed: 7);
        var estimate = MutualInformation.Ross(TorchSharp.torch.cat([z, z], 0), TorchSharp.torch.cat([y, y], 0));
        Assert.InRange(estimate, Math.Log(4) - 0.03, Math.Log(4) + 0.03);
    }

    [Fact]
    public void LatentsThatIgnoreTheLabelGiveZero()
    {
        var (z, y) = SyntheticLatents.Independent(2000, classes: 4, dimensions: 5, seed: 2);
        Assert.InRange(MutualInformation.Ross(z, y), 0, 0.03);
    }

    /// <summary>
    /// y ∈ {0, 1} equally likely, z | y ~ N(±1, 1) in one dimension: I = log 2 − E_z[H(y | z)] with
    /// p(y = 1 | z) = σ(2z), integrated numerically (≈ 0.3368 nats).
    /// </summary>
    [Fact]
    public void OverlappingClustersGiveTheIntegratedValue()
    {
        using var generator = new TorchSharp.torch.Generator(4, device: TorchSharp.torch.CPU);
        var labels = TorchSharp.torch.arange(4000, dtype: TorchSharp.torch.int64).remainder(2);
        var points = (labels.to(TorchSharp.torch.float64) * 2 - 1).unsqueeze(1)
            + TorchSharp.torch.randn(new long[] { 4000, 1 }, dtype: TorchSharp.torch.float64, generator: generator);
        Assert.Equal(0.3368, Exact(), 0.001); // the binary-input AWGN channel at 0 dB: 0.486 bits
        Assert.Equal(Exact(), MutualInformation.Ross(points, labels), 0.04);
    }

    private static double Exact()
    {
        double sum = 0, step = 1e-3;
        for (var z = -12.0; z <= 12; z += step)
        {
            var density = 0.5 * (Normal(z - 1) + Normal(z + 1));
            var p = 1 / (1 + Math.Exp(-2 * z));
            var entropy = (p > 0 && p < 1) ? -p * Math.Log(p) - (1 - p) * Math.Log(1 - p) : 0;
            sum += density * entropy * step;
        }
        return Math.Log(2) - sum;
    }

    private static double Normal(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);
}
