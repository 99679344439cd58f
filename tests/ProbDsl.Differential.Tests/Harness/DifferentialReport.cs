using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProbDsl.Differential.Tests.Harness;

/// <summary>The counts of a differential run and every failure with the model text that produced it.</summary>
public sealed class DifferentialReport
{
    public ulong Seed { get; init; }
    public int Generated { get; set; }
    public int Compiled { get; set; }
    public int Compared { get; set; }
    public int StatisticalChecks { get; set; }
    public int InconclusiveChecks { get; set; }
    public int ExtremeComparisons { get; set; }
    public Dictionary<string, int> RefusedByReason { get; } = new();
    /// <summary>Models refused with PDSL0901 (one model may be refused for several reasons, counted in <see cref="RefusedByReason"/>).</summary>
    public int Refused { get; set; }

    /// <summary>Models whose generated bounds disagree with the interpreter (or the interpreter's modes with each other).</summary>
    public List<(string Text, IReadOnlyList<Finding> Findings)> Mismatches { get; } = new();

    /// <summary>Rejections other than PDSL0901, unlocated refusals, generated C# that does not compile: a generator or compiler bug.</summary>
    public List<(string Text, string Problem)> Errors { get; } = new();

    /// <summary>Model-guide pairs whose generated code drew noise for some variable without a batch dimension (not a failure: see GivenNoise).</summary>
    public List<(string Text, string Note)> SharedNoise { get; } = new();

    public bool Passed => Mismatches.Count == 0 && Errors.Count == 0;

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"seed {Seed}: {Generated} models generated, {Compiled} compiled, {Refused} refused (PDSL0901; {RefusedByReason.Values.Sum()} refusals by reason below), " +
            $"{Compared} model-guide pairs compared ({StatisticalChecks} analytic-vs-textbook checks with a closed-form KL, {InconclusiveChecks} inconclusive from overflow; {ExtremeComparisons} bounds with rows beyond ±1e8 left out), " +
            $"{Mismatches.Count} models with mismatches, {Errors.Count} errors; {SharedNoise.Count} model-guide pairs draw noise shared across the batch");
        foreach (var (reason, count) in RefusedByReason.OrderByDescending(r => r.Value))
            text.AppendLine($"  refused {count}×: {reason}");
        return text.ToString();
    }

    public string Details(int limit)
    {
        var text = new StringBuilder();
        foreach (var (model, problem) in Errors.Take(limit))
            text.AppendLine($"ERROR: {problem}").AppendLine(model);
        foreach (var (model, note) in SharedNoise.Take(1))
            text.AppendLine($"NOTE (first of {SharedNoise.Count}): {note}").AppendLine(model);
        foreach (var (model, findings) in Mismatches.Take(limit))
        {
            // Gradients of every parameter usually differ together: the first two say enough.
            var gradients = findings.Where(f => f.Quantity.Contains(" gradient of ")).ToList();
            foreach (var finding in findings.Except(gradients).Concat(gradients.Take(2)))
                text.AppendLine($"MISMATCH: {finding}");
            if (gradients.Count > 2)
                text.AppendLine($"MISMATCH: … and {gradients.Count - 2} more parameters' gradients");
            text.AppendLine(model);
        }
        return text.ToString();
    }

    /// <summary>Mismatching quantities counted by kind (e.g. "Unlabelled value"), to see the shape of a failure at a glance.</summary>
    public string MismatchKinds() => string.Join("\n", Mismatches.SelectMany(m => m.Findings.Select(f => Kind(f.Quantity)).Distinct())
        .GroupBy(k => k).OrderByDescending(g => g.Count()).Select(g => $"  {g.Count()} models: {g.Key}"));

    private static string Kind(string quantity) => quantity.Contains(" gradient of ") ? quantity[..quantity.IndexOf(" of ")] : quantity;
}
