using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProbDsl.Differential.Tests.Harness;

/// <summary>
/// Compiles many generated files in ONE Roslyn compilation (one at a time is far too slow) against
/// ProbDsl.Inference and TorchSharp, and loads the result into a collectible context. A file with errors is
/// dropped with its first error and the rest compiled again, so one bad model cannot hide the others.
/// </summary>
internal static class BatchCompiler
{
    public sealed record Result(Assembly? Assembly, AssemblyLoadContext? Context, IReadOnlyDictionary<int, string> Errors);

    public static Result Compile(IReadOnlyList<string> sources, string name)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"{i}.g.cs")).ToList();
        var errors = new Dictionary<int, string>();
        while (true)
        {
            var live = trees.Where((_, i) => !errors.ContainsKey(i)).ToList();
            var compilation = CSharpCompilation.Create(name, live, References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            if (emitted.Success)
                return Load(image, name, errors);
            var failing = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is not null)
                .GroupBy(d => trees.IndexOf(d.Location.SourceTree!)).ToList();
            if (failing.Count == 0)
                throw new InvalidOperationException("Batch failed without a located error: " + string.Join("\n", emitted.Diagnostics));
            foreach (var file in failing)
                errors[file.Key] = file.First().ToString();
            if (errors.Count == trees.Count)
                return new Result(null, null, errors);
        }
    }

    private static Result Load(MemoryStream image, string name, Dictionary<int, string> errors)
    {
        image.Position = 0;
        // Collectible: a 10,000-model run loads a hundred of these. TorchSharp and ProbDsl resolve from the default context.
        var context = new AssemblyLoadContext(name, isCollectible: true);
        return new Result(context.LoadFromStream(image), context, errors);
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var ours = new[] { typeof(ProbDsl.Inference.Distributions.Noise).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location };
        return platform.Concat(ours).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });
}
