using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// The real models the fuzzers start from: every .pdsl file of the examples and of the end-to-end tests (copied to
/// the test output), so mutations begin from valid models of every shape the generator supports.
/// </summary>
internal static class Corpus
{
    public static ImmutableArray<string> Pdsl { get; } = Load();

    public static string Any(Random random) => Pdsl[random.Next(Pdsl.Length)];

    private static ImmutableArray<string> Load()
    {
        var files = new[] { "Examples", "Models" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.pdsl", SearchOption.AllDirectories))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToImmutableArray();
        return files.Length >= 10 ? files : throw new InvalidOperationException($"only {files.Length} corpus models found");
    }
}
