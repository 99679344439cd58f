using System;
using System.Linq;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// The generated bounds of models using the new families (Models/positive.pdsl, Models/onehot.pdsl) equal the
/// same quantities computed in plain C# from the weights, the inputs and — for the LogNormal latent — the same
/// Gaussian noise.
/// </summary>
public class NewFamiliesOracleTests
{
    private const int Batch = 6;

    private static double[] Row(double[] flat, int n, int width) => flat.Skip(n * width).Take(width).ToArray();

    [Fact]
    public void LogNormal_latent_with_Beta_data_bound_matches_plain_arithmetic_with_the_same_noise()
    {
        manual_seed(11);
        var model = new PositiveMain();
        model.to(float64);
        var nets = new PlainNets(model);
        var x = rand(new long[] { Batch, 3 }, dtype: float64) * 0.9 + 0.05; // strictly inside (0, 1)

        manual_seed(3);
        var generated = model.Bound(x).data<double>().ToArray();
        manual_seed(3);
        var eps = randn(new long[] { Batch, 2 }, dtype: float64).data<double>().ToArray();

        var pixels = x.data<double>().ToArray();
        for (var n = 0; n < Batch; n++)
        {
            var xn = Row(pixels, n, 3);
            var loc = nets.Run("encoder", "WLoc", 4, 2, ("X", xn));
            var scale = nets.Run("encoder", "WScale", 4, 2, ("X", xn)).Select(PlainDensities.Softplus).ToArray();
            var w = Enumerable.Range(0, 2).Select(i => Math.Exp(loc[i] + scale[i] * eps[n * 2 + i])).ToArray();
            var alpha = nets.Run("decoder", "XConcentration1", 5, 3, ("W", w)).Select(PlainDensities.Softplus).ToArray();
            var beta = nets.Run("decoder", "XConcentration0", 5, 3, ("W", w)).Select(PlainDensities.Softplus).ToArray();
            // KL between LogNormals is the KL between the Normals of the logs: per dimension,
            // log(1/σ) + (σ² + μ²)/2 − 1/2 against the standard prior.
            var kl = Enumerable.Range(0, 2).Sum(i => -Math.Log(scale[i]) + (scale[i] * scale[i] + loc[i] * loc[i]) / 2 - 0.5);
            Assert.Equal(PlainDensities.Beta(xn, alpha, beta) - kl, generated[n], 1e-5);
        }
    }

    [Fact]
    public void LogNormal_analytic_kl_agrees_with_a_monte_carlo_estimate_of_log_q_minus_log_p()
    {
        // An independent check of "KL of LogNormals = KL of the Normals of the logs": average log q(w) − log p(w)
        // over many w = exp(μ + σε) using the LogNormal densities themselves (Jacobians included).
        double[] loc = { 0.3, -0.7 }, scale = { 0.5, 1.4 };
        var analytic = Enumerable.Range(0, 2).Sum(i => -Math.Log(scale[i]) + (scale[i] * scale[i] + loc[i] * loc[i]) / 2 - 0.5);
        manual_seed(17);
        var eps = randn(new long[] { 200_000, 2 }, dtype: float64).data<double>().ToArray();
        var terms = Enumerable.Range(0, 200_000).Select(n =>
        {
            var w = Enumerable.Range(0, 2).Select(i => Math.Exp(loc[i] + scale[i] * eps[n * 2 + i])).ToArray();
            return PlainDensities.LogNormal(w, loc, scale) - PlainDensities.LogNormal(w, new[] { 0.0, 0.0 }, new[] { 1.0, 1.0 });
        }).ToArray();
        var mean = terms.Average();
        var standardError = Math.Sqrt(terms.Select(t => (t - mean) * (t - mean)).Sum() / (terms.Length - 1) / terms.Length);

        Assert.InRange(analytic, mean - 4 * standardError, mean + 4 * standardError);
    }

    [Fact]
    public void One_hot_label_and_latent_are_enumerated_exactly_with_a_fixed_noise_Normal_likelihood()
    {
        manual_seed(9);
        var model = new OneHotMain();
        model.to(float64);
        var nets = new PlainNets(model);
        var x = randn(new long[] { Batch, 3 }, dtype: float64);
        var labels = Enumerable.Range(0, Batch).Select(n => (long)(n % 3)).ToArray();

        var unlabelled = model.UnlabelledBound(x).data<double>().ToArray();
        var labelled = model.LabelledBound(x, tensor(labels)).data<double>().ToArray();

        var values = x.data<double>().ToArray();
        for (var n = 0; n < Batch; n++)
        {
            var xn = Row(values, n, 3);
            var logQy = PlainNets.LogSoftmax(nets.Run("classifier", "YLogits", 5, 3, ("X", xn)));
            var logQc = PlainNets.LogSoftmax(nets.Run("cluster", "CLogits", 4, 2, ("X", xn)));
            double Joint(int y, int c) =>
                PlainDensities.Normal(xn, nets.Run("decoder", "XLoc", 6, 3, ("Y", PlainNets.OneHot(y, 3)), ("C", PlainNets.OneHot(c, 2))), new[] { 0.5, 0.5, 0.5 })
                + Math.Log(1.0 / 3) + Math.Log(1.0 / 2);
            double GivenY(int y) => Enumerable.Range(0, 2).Sum(c => Math.Exp(logQc[c]) * (Joint(y, c) - logQc[c]));
            var expected = Enumerable.Range(0, 3).Sum(y => Math.Exp(logQy[y]) * (GivenY(y) - logQy[y]));

            Assert.Equal(expected, unlabelled[n], 1e-9);
            Assert.Equal(GivenY((int)labels[n]), labelled[n], 1e-9);
        }
    }
}
