using System;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Generators;

namespace ProbDsl.Cli.Tests;

/// <summary>`probdsl emit` prints what the build-time source generator adds to a compilation, character for character.</summary>
public class EmitCommandTests
{
    [Theory]
    [InlineData("m2.pdsl")]
    [InlineData("mixture.pdsl")]
    [InlineData("bars.pdsl")]
    public void EmitEqualsTheSourceGeneratorsOutput(string name)
    {
        var file = Cli.Model(name);

        var (code, output, _) = Cli.Run("emit", file);

        Assert.Equal(0, code);
        Assert.Equal(RunSourceGenerator(file), output);
    }

    [Fact]
    public void EmitOfABrokenFilePrintsItsDiagnosticsAndExits1()
    {
        var (code, output, _) = Cli.Run("emit", Cli.Model("broken.pdsl"));

        Assert.Equal(1, code);
        Assert.Contains("error PDSL0001", output);
    }

    /// <summary>The incremental generator as the compiler runs it in a build, on the file as an AdditionalFile.</summary>
    private static string RunSourceGenerator(string path)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ProbModelGenerator().AsSourceGenerator() },
            new AdditionalText[] { new FileText(path) });
        var run = driver.RunGenerators(CSharpCompilation.Create("Build")).GetRunResult();
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        return string.Concat(run.GeneratedTrees.Select(t => t.GetText().ToString()));
    }

    private sealed class FileText : AdditionalText
    {
        public FileText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}
