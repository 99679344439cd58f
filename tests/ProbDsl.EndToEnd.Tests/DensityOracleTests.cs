using System;
using System.Linq;
using ProbDsl.Inference.Distributions;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>The runtime's new log-densities against their closed forms in plain arithmetic (PlainDensities).</summary>
public class DensityOracleTests
{
    private static Tensor Row(params double[] values) => tensor(values, new long[] { 1, values.Length }, dtype: float64);

    private static double Scalar(Tensor t) => t.data<double>().Single();

    [Fact]
    public void Hand_written_log_gamma_matches_known_values()
    {
        Assert.Equal(0.0, PlainDensities.LogGamma(1), 12);
        Assert.Equal(0.0, PlainDensities.LogGamma(2), 12);
        Assert.Equal(Math.Log(24), PlainDensities.LogGamma(5), 12);
        Assert.Equal(0.5 * Math.Log(Math.PI), PlainDensities.LogGamma(0.5), 12);
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI) / 2), PlainDensities.LogGamma(1.5), 12);
    }

    [Theory]
    [InlineData(0.3, 2.0, 5.0)]
    [InlineData(0.9, 0.5, 0.5)]
    [InlineData(0.01, 1.0, 1.0)]
    [InlineData(0.5, 12.5, 0.7)]
    public void Beta_log_density_matches_the_closed_form(double x, double alpha, double beta)
    {
        var generated = Scalar(Densities.BetaLogProb(Row(x, 1 - x), Row(alpha, beta), Row(beta, alpha)));

        var expected = PlainDensities.Beta(new[] { x, 1 - x }, new[] { alpha, beta }, new[] { beta, alpha });
        Assert.Equal(expected, generated, 1e-10);
    }

    [Fact]
    public void Beta_of_one_and_one_is_uniform_and_beta_two_one_is_two_x()
    {
        Assert.Equal(0.0, Scalar(Densities.BetaLogProb(Row(0.37), Row(1.0), Row(1.0))), 12);
        Assert.Equal(Math.Log(2 * 0.37), Scalar(Densities.BetaLogProb(Row(0.37), Row(2.0), Row(1.0))), 12);
    }

    [Fact]
    public void LogNormal_log_density_matches_the_formula_with_tensor_and_fixed_scales()
    {
        double[] w = { 0.2, 3.5 }, loc = { -0.4, 1.1 }, scale = { 0.8, 0.8 };

        var expected = PlainDensities.LogNormal(w, loc, scale);
        Assert.Equal(expected, Scalar(Densities.LogNormalLogProb(Row(w), Row(loc), Row(scale))), 12);
        Assert.Equal(expected, Scalar(Densities.LogNormalLogProb(Row(w), Row(loc), 0.8)), 12);
    }

    [Fact]
    public void Normal_log_density_with_a_fixed_scale_matches_the_formula()
    {
        double[] x = { 0.2, -1.5, 4.0 }, loc = { 0.0, -1.0, 3.0 };

        Assert.Equal(PlainDensities.Normal(x, loc, new[] { 0.5, 0.5, 0.5 }), Scalar(Densities.NormalLogProb(Row(x), Row(loc), 0.5)), 12);
    }

    [Fact]
    public void One_hot_log_density_is_the_log_probability_of_the_hot_class()
    {
        double[] logits = { 0.3, -1.2, 2.0, 0.0 };

        var generated = Scalar(Densities.OneHotCategoricalLogProb(Row(0, 0, 1, 0), Row(logits)));

        Assert.Equal(PlainNets.LogSoftmax(logits)[2], generated, 12);
    }
}
