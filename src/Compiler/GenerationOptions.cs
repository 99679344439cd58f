using System;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler;

/// <summary>
/// Per-file switches of the code generator. In a build they come from the .pdsl item's metadata, e.g.
/// <c>&lt;AdditionalFiles Include="m2.pdsl" ProbDslHoisting="false" /&gt;</c>.
/// </summary>
/// <param name="Hoisting">
/// On (the default): a network on several inputs projects each input separately and adds the projections, so a
/// value that does not depend on an enumerated variable (the <c>x</c> of <c>q(z|x,y)</c>) is projected once per
/// example and the enumerated one once per value. Off: the code computes what a tracing library's parallel
/// enumeration computes (Pyro's <c>TraceEnum_ELBO</c>): the inputs are broadcast to their common shape
/// <c>[K, B, …]</c> and concatenated, so every enumerated value pays the whole first layer. Everything else is the
/// same either way: a tensor is broadcast over an enumerated dimension only where data flow brings it there,
/// which is what tracing does too (the classifier and the mean-field <c>q(z|x)</c> run once per example).
/// </param>
public sealed record GenerationOptions(bool Hoisting = true)
{
    public static GenerationOptions Default { get; } = new();

    /// <summary>The item metadata that carries <see cref="Hoisting"/>, as the compiler exposes it to generators.</summary>
    public const string HoistingMetadata = "build_metadata.AdditionalFiles.ProbDslHoisting";

    internal static readonly DiagnosticDescriptor InvalidOption = new(
        "PDSL0902", "Invalid generator option", DslSeverity.Error,
        "ProbDslHoisting=\"{0}\" is not a valid value; use \"true\" (the default) or \"false\"");

    /// <summary>Reads the metadata value (absent or empty: the default); an unknown value is an error, not ignored.</summary>
    public static (GenerationOptions Options, DslDiagnostic? Problem) FromMetadata(string? hoisting, string filePath)
    {
        var value = hoisting?.Trim() ?? "";
        if (value.Length == 0 || value.Equals("true", StringComparison.OrdinalIgnoreCase))
            return (Default, null);
        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
            return (new GenerationOptions(Hoisting: false), null);
        return (Default, InvalidOption.Create(filePath, SourceSpan.None, value));
    }
}
