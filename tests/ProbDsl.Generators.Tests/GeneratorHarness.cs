using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProbDsl.Generators.Tests;

/// <summary>Runs the real incremental generator in process on .pdsl texts, as the compiler does in a build.</summary>
internal static class GeneratorHarness
{
    public static GeneratorDriverRunResult Run(params (string Path, string Text)[] files) => RunWithMetadata(ImmutableDictionary<string, string>.Empty, files);

    /// <summary>As a build with the given item metadata (e.g. ProbDslHoisting) on every file.</summary>
    public static GeneratorDriverRunResult RunWithMetadata(ImmutableDictionary<string, string> metadata, params (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create("Tests", references: References.Value,
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return CreateDriver(metadata, files).RunGenerators(compilation).GetRunResult();
    }

    public static GeneratorDriver CreateDriver(params (string Path, string Text)[] files) => CreateDriver(ImmutableDictionary<string, string>.Empty, files);

    private static GeneratorDriver CreateDriver(ImmutableDictionary<string, string> metadata, (string Path, string Text)[] files) =>
        CreateDriver(new[] { new ProbModelGenerator().AsSourceGenerator() }, metadata, files);

    /// <summary>A driver for these generators, as a build with these AdditionalFiles and item metadata on each.</summary>
    public static GeneratorDriver CreateDriver(ISourceGenerator[] generators, ImmutableDictionary<string, string> metadata, (string Path, string Text)[] files) =>
        CSharpGeneratorDriver.Create(
            generators,
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            optionsProvider: new ItemMetadata(metadata.ToImmutableDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value)),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Compiles the generated sources against ProbDsl.Inference and TorchSharp; returns the errors.</summary>
    public static ImmutableArray<Diagnostic> CompileGenerated(GeneratorDriverRunResult run)
    {
        var trees = run.GeneratedTrees;
        var compilation = CSharpCompilation.Create("Generated", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var ours = new[] { typeof(ProbDsl.Inference.Training.TrainingOptions).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location };
        return platform.Concat(ours).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly string _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
    }

    /// <summary>The same metadata for every additional file, as CompilerVisibleItemMetadata exposes it.</summary>
    private sealed class ItemMetadata : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public ItemMetadata(ImmutableDictionary<string, string> values) => _options = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
