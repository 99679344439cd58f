using System;
using System.Linq;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// The new families' log-densities written from their textbook formulas in plain double arithmetic, with ln Γ
/// from a hand-written Lanczos approximation: an oracle that shares nothing with TorchSharp's kernels.
/// </summary>
internal static class PlainDensities
{
    /// <summary>Lanczos coefficients for g = 7, n = 9 (Numerical Recipes / Godfrey); |error| below 1e-13 for x > 0.</summary>
    private static readonly double[] Lanczos =
    {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    };

    public static double LogGamma(double x)
    {
        if (x < 0.5)
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x); // reflection
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
            sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    public static double Beta(double[] x, double[] alpha, double[] beta) => Enumerable.Range(0, x.Length).Sum(i =>
        (alpha[i] - 1) * Math.Log(x[i]) + (beta[i] - 1) * Math.Log(1 - x[i])
        - (LogGamma(alpha[i]) + LogGamma(beta[i]) - LogGamma(alpha[i] + beta[i])));

    public static double Normal(double[] x, double[] loc, double[] scale) => Enumerable.Range(0, x.Length).Sum(i =>
        -0.5 * Math.Pow((x[i] - loc[i]) / scale[i], 2) - Math.Log(scale[i]) - 0.5 * Math.Log(2 * Math.PI));

    /// <summary>The density of w = exp(v), v ~ Normal(loc, scale): the Normal density of log w times 1/w.</summary>
    public static double LogNormal(double[] w, double[] loc, double[] scale) =>
        Normal(w.Select(v => Math.Log(v)).ToArray(), loc, scale) - w.Sum(v => Math.Log(v));

    public static double Softplus(double v) => Math.Log(1 + Math.Exp(v));
}
