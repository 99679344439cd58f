using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Compiler;

/// <summary>What every stage's printed form starts with: its diagnostics, one per line, as the build prints them.</summary>
internal static class StageText
{
    public static string Diagnostics(IEnumerable<DslDiagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(d => DiagnosticText.Format(d) + "\n"));
}
