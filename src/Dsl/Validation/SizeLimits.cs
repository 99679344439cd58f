using System.Collections.Generic;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>
/// The range of a size (a variable's event size, a hidden layer's width): positive, and at most
/// <see cref="MaxSize"/>. Both are hard errors, unlike the memory warnings of <see cref="MemoryLimits"/>.
/// </summary>
internal static class SizeLimits
{
    /// <summary>
    /// 10^8: one example of that many float32 values is 400 MB, so a batch of them, or a layer reading them (at
    /// least one weight per value and unit), cannot be trained on any machine this runs on. Larger sizes also
    /// bring products of sizes in the generated shapes close to int32's range.
    /// </summary>
    public const int MaxSize = 100_000_000;

    private const string Reason = "one example of that many float32 values is 400 MB, too large to train on";

    public static void CheckVariable(VariableIr variable, string filePath, List<DslDiagnostic> diagnostics)
    {
        var minimum = variable.Family.IsOverClasses() ? 2 : 1;
        if (variable.Size < minimum)
            diagnostics.Add(DiagnosticDescriptors.InvalidSize.Create(filePath, variable.Meta.Span, variable.Name, variable.Size));
        else if (variable.Size > MaxSize)
            diagnostics.Add(DiagnosticDescriptors.SizeAboveLimit.Create(filePath, variable.Meta.Span, variable.Name, variable.Size, MaxSize, Reason));
    }

    public static void CheckHidden(NetIr net, string filePath, List<DslDiagnostic> diagnostics)
    {
        var layer = net.Name + " hidden layer";
        foreach (var width in net.Hidden)
        {
            if (width <= 0)
                diagnostics.Add(DiagnosticDescriptors.InvalidSize.Create(filePath, net.Meta.Span, layer, width));
            else if (width > MaxSize)
                diagnostics.Add(DiagnosticDescriptors.SizeAboveLimit.Create(filePath, net.Meta.Span, layer, width, MaxSize, Reason));
        }
    }
}
