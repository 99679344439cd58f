using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProbDsl.Generators.Fluent;
using ProbDsl.Generators.Tests.Fluent;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>The result of one build of a fuzz input: the generators' run and the C# trees they read.</summary>
internal sealed record FuzzBuild(GeneratorDriverRunResult Run, ImmutableArray<SyntaxTree> Trees);

/// <summary>
/// Runs the real incremental generators in process, both at once as in a project that has .pdsl files and
/// [ProbModel] code: the .pdsl generator and the [ProbModel] generator.
/// </summary>
internal static class FuzzDriver
{
    /// <summary>
    /// Every input's compilation is derived from this one, so Roslyn binds the ~200 referenced assemblies once
    /// instead of once per input (a derived compilation shares its references' symbols): 3× more inputs per second.
    /// </summary>
    private static readonly Lazy<CSharpCompilation> NoSources = new(() => AttributeHarness.Compilation(Array.Empty<SyntaxTree>()));

    public static FuzzBuild Build(FuzzInput input)
    {
        var trees = input.CSharp.Select(f => AttributeHarness.Parse(f.Text, f.Path)).ToArray();
        var generators = new[] { new ProbModelGenerator().AsSourceGenerator(), new ProbModelAttributeGenerator().AsSourceGenerator() };
        var driver = GeneratorHarness.CreateDriver(generators, input.Metadata, input.Pdsl.Select(f => (f.Path, f.Text)).ToArray());
        var run = driver.RunGenerators(NoSources.Value.AddSyntaxTrees(trees)).GetRunResult();
        return new FuzzBuild(run, trees.ToImmutableArray());
    }
}
