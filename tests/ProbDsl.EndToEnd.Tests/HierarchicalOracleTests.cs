using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Models;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// Issue #8: the bottom-up guide q(z1|x) q(z2|z1) of the hierarchy p(z2) p(z1|z2) p(x|z1) (Models/hier.pdsl) draws
/// z2 after z1 and from it, so no closed-form KL may stand for the z1 term. The oracle is the textbook ELBO
/// E_q[log p(x|z1) + log p(z1|z2) + log p(z2) − log q(z1|x) − log q(z2|z1)], estimated by plain Monte Carlo in
/// double arithmetic with noise from System.Random: it shares only the weights with the generated code.
/// </summary>
public class HierarchicalOracleTests
{
    private const int OracleSamples = 400_000, GeneratedSamples = 1_000_000;

    /// <summary>Width of every hidden layer in hier.pdsl.</summary>
    private const int Hidden = 4;

    private static readonly double[] X = { 1, 0, 1 };

    private readonly ITestOutputHelper _output;

    public HierarchicalOracleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Generated_bound_of_the_bottom_up_hierarchy_is_the_monte_carlo_elbo()
    {
        manual_seed(8);
        using var model = new HierQ();
        model.to(float64);
        Sharpen(model, 2.0);
        var nets = new PlainNets(model);

        var oracle = MonteCarloEstimate.Of(OracleElbo(nets, new GaussianSource(seed: 1)));
        var generated = GeneratedElbo(model);

        var distance = generated.StandardErrorsFrom(oracle);
        _output.WriteLine($"oracle ELBO    {oracle}");
        _output.WriteLine($"generated mean {generated}");
        _output.WriteLine($"difference {generated.Mean - oracle.Mean:F5} nats = {distance:F1} combined standard errors");
        Assert.True(distance < 3, $"generated {generated} vs Monte Carlo ELBO {oracle}: {distance:F1} combined standard errors apart");
    }

    /// <summary>
    /// Scales every weight and bias. At libtorch's initialisation (|w| ≤ 1/√fan-in) q(z2|z1) and p(z1|z2) vary little
    /// with their inputs, so a bound that wrongly takes the z1 term as KL(q(z1|x) ‖ p(z1|z2)) is off by little
    /// (0.008 nats at this seed); doubled weights make the dependence, and that error, plain (0.35 nats, ~45
    /// combined standard errors), while the bound's variance stays small enough for a test of a few seconds.
    /// </summary>
    private static void Sharpen(nn.Module model, double factor)
    {
        using var noGrad = no_grad();
        foreach (var parameter in model.parameters())
            parameter.mul_(factor);
    }

    /// <summary>The generated Bound(x), each row of one float64 batch of copies of x an independent draw.</summary>
    private static MonteCarloEstimate GeneratedElbo(HierQ model)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        manual_seed(2);
        var batch = tensor(X, new long[] { 1, X.Length }, dtype: float64).repeat(GeneratedSamples, 1);
        return MonteCarloEstimate.Of(model.Bound(batch).data<double>().ToArray());
    }

    /// <summary>One sample of log p(x, z1, z2) − log q(z1, z2 | x) per draw, in guide order: z1 ~ q(z1|x), z2 ~ q(z2|z1).</summary>
    private static IEnumerable<double> OracleElbo(PlainNets nets, GaussianSource noise)
    {
        var q1Loc = nets.Run("qz1", "Z1Loc", Hidden, 1, ("X", X));
        var q1Scale = Softplus(nets.Run("qz1", "Z1Scale", Hidden, 1, ("X", X)));
        for (var i = 0; i < OracleSamples; i++)
        {
            var z1 = new[] { q1Loc[0] + q1Scale[0] * noise.Next() };
            var q2Loc = nets.Run("qz2", "Z2Loc", Hidden, 1, ("Z1", z1));
            var q2Scale = Softplus(nets.Run("qz2", "Z2Scale", Hidden, 1, ("Z1", z1)));
            var z2 = new[] { q2Loc[0] + q2Scale[0] * noise.Next() };
            var p1Loc = nets.Run("pz1", "Z1Loc", Hidden, 1, ("Z2", z2));
            var p1Scale = Softplus(nets.Run("pz1", "Z1Scale", Hidden, 1, ("Z2", z2)));
            var logits = nets.Run("dec", "XLogits", Hidden, X.Length, ("Z1", z1));
            yield return PlainNets.BernoulliLogProb(X, logits)
                + PlainDensities.Normal(z1, p1Loc, p1Scale)
                + PlainDensities.Normal(z2, new[] { 0.0 }, new[] { 1.0 })
                - PlainDensities.Normal(z1, q1Loc, q1Scale)
                - PlainDensities.Normal(z2, q2Loc, q2Scale);
        }
    }

    private static double[] Softplus(double[] values) => values.Select(PlainDensities.Softplus).ToArray();
}
