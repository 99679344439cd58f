using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProbDsl.Generators.Fluent;

namespace ProbDsl.Generators.Tests.Fluent;

/// <summary>Runs the [ProbModel] generator in process on C# files that reference ProbDsl.Dsl, as a build does.</summary>
internal static class AttributeHarness
{
    public const string UserPath = "/src/Models.cs";

    public static CSharpCompilation Compilation(string source, string path = UserPath) =>
        Compilation(new[] { Parse(source, path) });

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path);

    public static CSharpCompilation Compilation(SyntaxTree[] trees) =>
        CSharpCompilation.Create("User", trees,
            References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(new[] { new ProbModelAttributeGenerator().AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and checks it did not crash: a crashed generator looks like "no output".</summary>
    public static GeneratorDriverRunResult Run(string source, string path = UserPath)
    {
        var run = CreateDriver().RunGenerators(Compilation(source, path)).GetRunResult();
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "PDSL0999");
        return run;
    }

    /// <summary>What the pipeline step produced for each [ProbModel] target (the IR, sources and diagnostics as data).</summary>
    public static ImmutableArray<AttributedModel> Models(GeneratorDriverRunResult run) =>
        run.Results.Single().TrackedSteps[ProbModelAttributeGenerator.CompileStep]
            .SelectMany(s => s.Outputs).Select(o => (AttributedModel)o.Value).ToImmutableArray();

    /// <summary>The user's code and the generated code compiled together against the libraries; the errors.</summary>
    public static ImmutableArray<Diagnostic> CompileWithGenerated(string source, GeneratorDriverRunResult run) =>
        Compilation(source).AddSyntaxTrees(run.GeneratedTrees).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    public static string ExampleText(params string[] relative) =>
        File.ReadAllText(Path.Combine(new[] { AppContext.BaseDirectory, "Examples" }.Concat(relative).ToArray()));

    /// <summary>Where a piece of text starts in a source, as Roslyn's 0-based line and column.</summary>
    public static (int Line, int Column) PositionOf(string source, string text, int occurrence = 0)
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
            index = source.IndexOf(text, index + 1, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' not in the source");
        var line = source.Take(index).Count(c => c == '\n');
        return (line, index - (source.LastIndexOf('\n', index) + 1));
    }

    public static (int Line, int Column) Start(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(UserPath, span.Path);
        return (span.StartLinePosition.Line, span.StartLinePosition.Character);
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var ours = new[]
        {
            typeof(ProbDsl.Dsl.Fluent.ModelBuilder).Assembly.Location,
            typeof(ProbDsl.Inference.Training.TrainingOptions).Assembly.Location,
            typeof(TorchSharp.torch).Assembly.Location,
        };
        return platform.Concat(ours).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });
}
