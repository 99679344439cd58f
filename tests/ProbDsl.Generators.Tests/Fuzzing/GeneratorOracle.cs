using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// What must hold after any build, whatever the input: no generator exception and no generator-failure
/// diagnostic (CS8784/CS8785, AD0001: a crashed generator generates nothing and says so without a location), no
/// internal error PDSL0999, and every error located at a real span of an input file.
/// </summary>
internal static class GeneratorOracle
{
    private static readonly string[] GeneratorFailures = { "CS8784", "CS8785", "AD0001" };

    /// <summary>Errors that are about the item's metadata, not its text: they have no better place than the file's start.</summary>
    private static readonly string[] MetadataErrors = { "PDSL0902", "PDSL0903" };

    public static IEnumerable<Finding> Check(FuzzInput input, FuzzBuild build)
    {
        foreach (var result in build.Run.Results.Where(r => r.Exception is not null))
            yield return new Finding("generator exception", $"{result.Generator.GetGeneratorType().Name}: {result.Exception!.GetType().Name}: {result.Exception.Message}");
        foreach (var diagnostic in build.Run.Diagnostics)
        {
            if (GeneratorFailures.Contains(diagnostic.Id))
                yield return new Finding("generator failure", $"{diagnostic.Id}: {diagnostic.GetMessage()}");
            else if (diagnostic.Id == "PDSL0999")
                yield return new Finding("internal error", diagnostic.GetMessage());
            else if (diagnostic.Severity == DiagnosticSeverity.Error && Mislocated(diagnostic, input, build) is { } why)
                yield return new Finding("mislocated error", $"{diagnostic.Id} {why}: {diagnostic.GetMessage()}");
        }
    }

    /// <summary>Why the diagnostic's location is not a real place in an input file, or null when it is.</summary>
    private static string? Mislocated(Diagnostic diagnostic, FuzzInput input, FuzzBuild build)
    {
        var location = diagnostic.Location;
        switch (location.Kind)
        {
            case LocationKind.SourceFile:
                var tree = location.SourceTree!;
                if (!build.Trees.Contains(tree))
                    return $"is in '{tree.FilePath}', which is not an input";
                return location.SourceSpan.End <= tree.Length ? null : "ends after the end of its file";
            case LocationKind.ExternalFile:
                // Our diagnostics, in .pdsl files and in C# files alike, are created with a path, not a tree.
                var texts = input.All.Where(f => f.Path == location.GetLineSpan().Path).ToList();
                if (texts.Count == 0)
                    return $"is in '{location.GetLineSpan().Path}', which is not an input";
                // Two inputs may share a path (a build can list a file twice): located in either is fine.
                var reasons = texts.Select(f => InFile(diagnostic, SourceText.From(f.Text))).ToList();
                return reasons.Any(r => r is null) ? null : reasons[0];
            default:
                return "has no location";
        }
    }

    /// <summary>
    /// The span is inside the file, and its line and column are those of its offset (Roslyn keeps both: the IDE
    /// squiggles the offset, the build log prints the line and column), and an error at the very start with no
    /// extent is a diagnostic that lost its position (SourceSpan.None) — unless it is about metadata.
    /// </summary>
    private static string? InFile(Diagnostic diagnostic, SourceText text)
    {
        var span = diagnostic.Location.SourceSpan;
        if (span.End > text.Length)
            return $"ends at offset {span.End}, after the end of the file ({text.Length})";
        var claimed = diagnostic.Location.GetLineSpan().Span;
        var actual = text.Lines.GetLinePositionSpan(span);
        if (claimed != actual)
            return $"says {claimed} but its offsets are at {actual} (0-based)";
        if (span.IsEmpty && span.Start == 0 && text.Length > 0 && !MetadataErrors.Contains(diagnostic.Id))
            return "is at (1,1) with no extent (a lost position)";
        return null;
    }
}
