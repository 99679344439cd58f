using System;
using System.Linq;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Harness;

/// <summary>
/// The mean of per-row differences between two estimates of the same expectation at the same noise, with its
/// standard error: zero in expectation when both estimate the same quantity, so |mean| within 4 standard errors
/// (+ 1e-9) passes. A row that overflowed makes the comparison inconclusive: dropping it would keep only the
/// moderate draws, a biased sample of a heavy-tailed difference.
/// </summary>
internal sealed record PairedDifference(double Mean, double StandardError, int Rows, int Overflowed)
{
    /// <summary>Null when every row is exactly zero (no closed form was used: nothing to judge).</summary>
    public static PairedDifference? Of(Tensor differences)
    {
        var all = differences.detach().data<double>().ToArray();
        if (all.All(d => d == 0))
            return null;
        var kept = all.Where(double.IsFinite).ToArray();
        var mean = kept.Length == 0 ? double.NaN : kept.Average();
        var standardError = kept.Length < 2 ? double.NaN : Math.Sqrt(kept.Sum(d => (d - mean) * (d - mean)) / (kept.Length - 1) / kept.Length);
        return new PairedDifference(mean, standardError, all.Length, all.Length - kept.Length);
    }

    public static PairedDifference? Of(Tensor first, Tensor second) => Of(first - second);

    public bool IsConclusive => Overflowed == 0 && Rows >= 2;

    public bool IsWithinTolerance => Math.Abs(Mean) <= Tolerances.StandardErrors * StandardError + Tolerances.Slack;

    public override string ToString() => $"mean difference {Mean:G4} over {Rows} rows ({Overflowed} overflowed), standard error {StandardError:G4}";
}
