using System.IO;
using ProbDsl.Compiler;

namespace ProbDsl.Cli.Compiling;

/// <summary>A file's diagnostics on the command line, each as the build prints it (<see cref="DiagnosticText"/>).</summary>
internal static class BuildDiagnostics
{
    public static void WriteAll(CompiledFile file, TextWriter output)
    {
        foreach (var diagnostic in file.Diagnostics)
            output.WriteLine(DiagnosticText.Format(diagnostic));
    }
}
