using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Several .pdsl files at once must give what each gives alone, plus PDSL0108 for colliding model names: the same
/// diagnostics at the same places, and every generated file one of them generates alone (the first of colliding
/// names wins, none is lost). Only without item metadata, which changes what a file gives.
/// </summary>
internal static class MultiFileOracle
{
    public static IEnumerable<Finding> Check(FuzzInput input, FuzzBuild build)
    {
        if (!input.Metadata.IsEmpty)
            yield break;
        var files = input.Pdsl.Where(f => f.Path.EndsWith(".pdsl", StringComparison.OrdinalIgnoreCase)).ToList();
        var alone = files.Select(f => (f.Path, Result: ProbDslCodeGenerator.Generate(f.Text, f.Path))).ToList();

        var expected = alone.SelectMany(a => a.Result.Diagnostics.Select(d => $"{d.Id} {a.Path} {d.Span.Offset}+{d.Span.Length}")).OrderBy(s => s, StringComparer.Ordinal);
        var actual = build.Run.Diagnostics.Where(d => files.Any(f => f.Path == d.Location.GetLineSpan().Path) && d.Id != "PDSL0108")
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().Path} {d.Location.SourceSpan.Start}+{d.Location.SourceSpan.Length}").OrderBy(s => s, StringComparer.Ordinal);
        if (!expected.SequenceEqual(actual))
            yield return new Finding("files together differ from alone", "other diagnostics", $"alone [{string.Join("; ", expected)}], together [{string.Join("; ", actual)}]");

        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in alone.SelectMany(a => a.Result.Sources))
            hints.Add(source.HintName);
        var generated = build.Run.Results.Where(r => r.Generator.GetGeneratorType() == typeof(ProbModelGenerator)).SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!hints.SetEquals(generated))
            yield return new Finding("files together differ from alone", "other generated files", $"generated [{string.Join(", ", generated.Order())}], alone [{string.Join(", ", hints.Order())}]");
    }
}
