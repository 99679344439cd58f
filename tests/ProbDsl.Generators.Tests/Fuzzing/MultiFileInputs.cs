using System;
using System.Collections.Immutable;
using System.Linq;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Builds with several .pdsl files: real models renamed from a small pool of names that collide (the same name, equal
/// after C# renaming, equal up to case), empty and mutated files, two models in one file, paths repeated or odd,
/// item metadata now and then, and sometimes a C# file with an inline [ProbModel] model from the same pool.
/// </summary>
internal static class MultiFileInputs
{
    public static readonly string[] CollidingNames = { "Foo_bar", "FooBar", "foo", "FOO", "Dup", "M2", "_Dup", "Dup_", "foo__bar", "Tiny" };

    private static readonly string[] OddPaths = { "/m/a.pdsl", "/m/sub/a.pdsl", "/m/A.PDSL", "/m/c d é.pdsl", "/m/notes.txt", "C:\\m\\w.pdsl" };

    private static readonly (string Key, string[] Values)[] Metadata =
    {
        ("ProbDslHoisting", new[] { "true", "false", "maybe", "" }),
        ("ProbDslLimits", new[] { "on", "off", "OFF", "x" }),
    };

    public static FuzzInput Next(Random random)
    {
        var files = Enumerable.Range(0, random.Next(2, 5))
            .Select(i => new FuzzFile(random.Next(6) == 0 ? OddPaths[random.Next(OddPaths.Length)] : $"/m/f{i}.pdsl", Text(random)))
            .ToImmutableArray();
        var csharp = random.Next(5) == 0
            ? ImmutableArray.Create(new FuzzFile(FuzzInput.CSharpPath, CSharpTargets.WithAttribute(InlineModel(random), random)))
            : ImmutableArray<FuzzFile>.Empty;
        var metadata = random.Next(10) == 0
            ? Metadata.Where(_ => random.Next(2) == 0).ToImmutableDictionary(m => m.Key, m => m.Values[random.Next(m.Values.Length)])
            : ImmutableDictionary<string, string>.Empty;
        return new FuzzInput(csharp, files, metadata);
    }

    private static string Text(Random random) => random.Next(10) switch
    {
        0 => "",
        1 => PdslMutator.AnyMutation(random),
        2 => Renamed(random) + "\n" + Renamed(random),
        3 => PdslMutator.Mutate(Renamed(random), random),
        _ => Renamed(random),
    };

    private static string Renamed(Random random) => PdslMutator.RenameModels(Corpus.Any(random), random, CollidingNames);

    private static string InlineModel(Random random) => InlineLiteral.Any(Renamed(random), random) switch
    {
        { Declarations.Length: 0 } literal => literal.Expression,
        _ => "\"\"\"\n" + Renamed(random) + "\n\"\"\"",
    };
}
