using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>The mean of independent samples and its standard error, accumulated in one pass (Welford).</summary>
internal readonly record struct MonteCarloEstimate(double Mean, double StandardError, long Count)
{
    public static MonteCarloEstimate Of(IEnumerable<double> samples)
    {
        long n = 0;
        double mean = 0, squares = 0;
        foreach (var sample in samples)
        {
            n++;
            var delta = sample - mean;
            mean += delta / n;
            squares += delta * (sample - mean);
        }
        return new MonteCarloEstimate(mean, Math.Sqrt(squares / (n - 1) / n), n);
    }

    /// <summary>How many combined standard errors separate two independent estimates.</summary>
    public double StandardErrorsFrom(MonteCarloEstimate other) =>
        Math.Abs(Mean - other.Mean) / Math.Sqrt(StandardError * StandardError + other.StandardError * other.StandardError);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mean:F5} ± {StandardError:F5} (n = {Count:N0})");
}
