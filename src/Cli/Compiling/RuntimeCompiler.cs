using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProbDsl.Compiler;

namespace ProbDsl.Cli.Compiling;

/// <summary>
/// Compiles the generator's C# in memory with Roslyn, against the ProbDsl.Inference and TorchSharp this process
/// runs, and loads it into a collectible load context. The generated assembly's references resolve to the
/// tool's own copies (the context defers to the default one), so its trainers are the types the tool knows.
/// </summary>
internal static class RuntimeCompiler
{
    public static Assembly Compile(string assemblyName, IEnumerable<GeneratedSource> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: s.HintName)).ToArray();
        var compilation = CSharpCompilation.Create(assemblyName, trees, References.Value, CompilationOptions);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            // The generator's output always compiles (tested on every model it accepts); if not, it is our bug.
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString());
            throw new InvalidOperationException(
                "The generated C# did not compile — a bug in ProbDsl; please report it with the model. First errors:" +
                Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
        image.Position = 0;
        return new AssemblyLoadContext(assemblyName, isCollectible: true).LoadFromStream(image);
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable, deterministic: true);

    /// <summary>
    /// Every assembly this process may load (the framework and the tool's dependencies, ProbDsl.Inference and
    /// TorchSharp among them), as the host lists them: the same set the generated code is built against at build time.
    /// </summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var ours = new[] { typeof(Inference.Training.TrainingOptions).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location };
        return trusted.Concat(ours).Where(p => p.Length > 0).Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });
}
