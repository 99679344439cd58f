using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>
/// Warnings, with the number, for a valid model that would exhaust memory when trained: too many network
/// parameters (PDSL0213) or too many jointly enumerated values (PDSL0214). They are warnings, not errors: a big
/// machine may run such a model on purpose, and the item metadata <c>ProbDslLimits="off"</c> turns them off.
/// </summary>
internal static class MemoryLimits
{
    /// <summary>
    /// 5·10^8 parameters: training holds about 16 bytes per parameter (float32 weights, gradients and Adam's two
    /// moments), 8 GB here, before any activation — a third of this project's 24 GB machines and more than most
    /// laptops have free. M2 has about 1.6·10^6.
    /// </summary>
    public const double MaxParameters = 500_000_000;

    /// <summary>
    /// 10^6 joint values: a tensor over the joint support of the enumerated variables holds that many values per
    /// example, so one scalar term over a batch of 200 is already 800 MB, and every network reading an enumerated
    /// variable multiplies that by its width. Realistic models stay far below (M2: 10; M2 with a nuisance: 20).
    /// </summary>
    public const double MaxJointValues = 1_000_000;

    private const double BytesPerParameter = 16;

    public static void Check(ModelIr model, string filePath, List<DslDiagnostic> diagnostics)
    {
        CheckParameters(model, filePath, diagnostics);
        CheckEnumeration(model, filePath, diagnostics);
    }

    private static void CheckParameters(ModelIr model, string filePath, List<DslDiagnostic> diagnostics)
    {
        var counts = model.Nets.Select(net => (Net: net, Count: ParameterCount(model, net))).ToList();
        var total = counts.Sum(c => c.Count);
        if (total <= MaxParameters)
            return;
        var largest = counts.OrderByDescending(c => c.Count).First();
        diagnostics.Add(DiagnosticDescriptors.TooManyParameters.Create(filePath, largest.Net.Meta.Span,
            model.Name, Number(total), largest.Net.Name, Number(largest.Count), Bytes(total * BytesPerParameter), Number(MaxParameters)));
    }

    /// <summary>
    /// Weights and biases as the generator lays them out: one first-layer projection per input (a categorical as
    /// its one-hot width) with a single bias, the hidden layers, and one layer per head. In doubles: sizes up to
    /// 10^8 multiply beyond a long's range.
    /// </summary>
    internal static double ParameterCount(ModelIr model, NetIr net)
    {
        var inputs = net.Inputs.Sum(input => (double)(model.FindVariable(input)?.Size ?? 0));
        var widths = new[] { inputs }.Concat(net.Hidden.Select(w => (double)w)).ToList();
        var layers = widths.Zip(widths.Skip(1), (from, to) => from * to + to).Sum();
        var last = widths[widths.Count - 1];
        var heads = net.Heads.Sum(head => model.FindVariable(head.Variable) is { } v ? last * v.Size + v.Size : 0);
        return layers + heads;
    }

    /// <summary>
    /// Every discrete label and latent is enumerated somewhere: in training unless relaxed or sampled, and the
    /// label always in evaluation (the test bound is the exact enumerated U(x)). The product of their supports is
    /// the size of the joint enumeration a term over all of them needs.
    /// </summary>
    private static void CheckEnumeration(ModelIr model, string filePath, List<DslDiagnostic> diagnostics)
    {
        var enumerated = model.Variables.Where(v => v.IsDiscrete && !v.IsObservedAlways).ToList();
        var joint = enumerated.Aggregate(1.0, (product, v) => product * v.Size);
        if (joint <= MaxJointValues)
            return;
        var largest = enumerated.OrderByDescending(v => v.Size).First();
        var factors = string.Join(" × ", enumerated.Select(v => $"{v.Name}: {v.Size.ToString(CultureInfo.InvariantCulture)}"));
        diagnostics.Add(DiagnosticDescriptors.EnumerationTooLarge.Create(filePath, largest.Meta.Span,
            model.Name, Number(joint), factors, Number(MaxJointValues)));
    }

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bytes(double bytes) =>
        bytes >= 1e12 ? (bytes / 1e12).ToString("0.#", CultureInfo.InvariantCulture) + " TB"
        : (bytes / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + " GB";
}
