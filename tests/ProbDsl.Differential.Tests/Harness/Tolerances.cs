using System;
using System.Linq;

namespace ProbDsl.Differential.Tests.Harness;

/// <summary>
/// The comparison rules: values to 1e-6 and gradients to 1e-5, relative to the larger magnitude (at least 1, so a
/// quantity near zero is compared absolutely); the statistical check at 4 standard errors + 1e-9.
/// </summary>
internal static class Tolerances
{
    public const double Value = 1e-6;
    public const double Gradient = 1e-5;
    public const double StandardErrors = 4;
    public const double Slack = 1e-9;

    /// <summary>Bound values beyond this magnitude come from overflowing random networks; rounding decides their digits.</summary>
    public const double Extreme = 1e8;

    /// <summary>The largest scaled difference of two arrays; NaN (a failure) if only one side is non-finite.</summary>
    public static double RelativeDifference(double[] a, double[] b)
    {
        var worst = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!double.IsFinite(a[i]) || !double.IsFinite(b[i]))
            {
                if (a[i].Equals(b[i]))
                    continue;
                return double.NaN;
            }
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]) / Math.Max(1.0, Math.Max(Math.Abs(a[i]), Math.Abs(b[i]))));
        }
        return worst;
    }

    /// <summary>For a gradient tensor: the largest difference over the larger of the two tensors' largest entries (at least 1).</summary>
    public static double GradientDifference(double[] a, double[] b)
    {
        if (a.Concat(b).Any(v => !double.IsFinite(v)))
            return a.SequenceEqual(b) ? 0 : double.NaN;
        var scale = Math.Max(1.0, a.Concat(b).Select(Math.Abs).DefaultIfEmpty(0).Max());
        return a.Zip(b, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max() / scale;
    }

    public static bool Within(double difference, double tolerance) => !double.IsNaN(difference) && difference <= tolerance;
}
