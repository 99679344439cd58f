using System;

namespace ProbDsl.Cli.Measures;

/// <summary>ψ(n) for positive integers: −γ + Σ_{i=1}^{n−1} 1/i (the k-NN estimators count neighbours).</summary>
internal static class Digamma
{
    private const double EulerGamma = 0.57721566490153286061;

    public static double Of(long n)
    {
        if (n < 1)
            throw new ArgumentOutOfRangeException(nameof(n), n, "ψ is used here for positive integers only.");
        double sum = -EulerGamma;
        for (long i = 1; i < n; i++)
            sum += 1.0 / i;
        return sum;
    }
}
