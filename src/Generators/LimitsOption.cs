using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators;

/// <summary>
/// The explicit opt-out of the memory warnings (PDSL0213 too many parameters, PDSL0214 too large an
/// enumeration) for one .pdsl file: <c>&lt;AdditionalFiles Include="big.pdsl" ProbDslLimits="off" /&gt;</c>.
/// Item metadata rather than a statement in the language, so the model text stays the same whatever machine it is
/// trained on. Size errors (PDSL0207, PDSL0212, PDSL0002) are not affected: those models cannot run anywhere.
/// </summary>
internal static class LimitsOption
{
    /// <summary>The item metadata, as the compiler exposes it to generators (CompilerVisibleItemMetadata).</summary>
    public const string Metadata = "build_metadata.AdditionalFiles.ProbDslLimits";

    private static readonly HashSet<string> WarningIds = new(StringComparer.Ordinal)
    {
        DiagnosticDescriptors.TooManyParameters.Id,
        DiagnosticDescriptors.EnumerationTooLarge.Id,
    };

    /// <summary>Whether the warnings are on (absent or empty: on); an unknown value is an error, never ignored.</summary>
    public static (bool Enabled, DslDiagnostic? Problem) FromMetadata(string? value, string filePath)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0 || text.Equals("on", StringComparison.OrdinalIgnoreCase))
            return (true, null);
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
            return (false, null);
        return (true, DiagnosticDescriptors.InvalidLimitsOption.Create(filePath, SourceSpan.None, text));
    }

    /// <summary>The diagnostics to report: all of them, or without the memory warnings when the file opted out.</summary>
    public static IEnumerable<DslDiagnostic> Apply(bool enabled, IEnumerable<DslDiagnostic> diagnostics) =>
        enabled ? diagnostics : diagnostics.Where(d => !WarningIds.Contains(d.Id));
}
