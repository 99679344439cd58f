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

    /// <summary>
    /// For a gradient tensor: the largest difference of the finite entries over the larger of the two tensors'
    /// largest finite entries (at least 1). Non-finite entries (an overflow in backward) must sit at the same places
    /// with the same value on both sides, else NaN (a failure).
    /// </summary>
    public static double GradientDifference(double[] a, double[] b)
    {
        var finite = Enumerable.Range(0, a.Length).Where(i => double.IsFinite(a[i]) && double.IsFinite(b[i])).ToList();
        if (finite.Count < a.Length && Enumerable.Range(0, a.Length).Except(finite).Any(i => !a[i].Equals(b[i])))
            return double.NaN;
        var scale = Math.Max(1.0, finite.Select(i => Math.Max(Math.Abs(a[i]), Math.Abs(b[i]))).DefaultIfEmpty(0).Max());
        return finite.Select(i => Math.Abs(a[i] - b[i])).DefaultIfEmpty(0).Max() / scale;
    }

    public static bool Within(double difference, double tolerance) => !double.IsNaN(difference) && difference <= tolerance;
}
