using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Printing;

namespace ProbDsl.Compiler;

/// <summary>Stage 1, <see cref="ProbDslCompiler.Parse"/>: the IR of a file (null when it did not parse) and what the parser reported.</summary>
public sealed record ParsedFile(string Path, ProgramIr? Program, ImmutableArray<DslDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The program as .pdsl text (the printer's canonical form), after the diagnostics.</summary>
    public override string ToString() =>
        StageText.Diagnostics(Diagnostics) + (Program is null ? "" : PdslPrinter.Print(Program) + "\n");
}
