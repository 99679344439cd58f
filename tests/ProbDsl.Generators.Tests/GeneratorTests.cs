using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProbDsl.Generators.Tests;

public class GeneratorTests
{
    private static (string, string) M2File()
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl");
        return (path, File.ReadAllText(path));
    }

    [Fact]
    public void M2_generates_with_only_the_mean_field_information_and_matches_the_snapshot()
    {
        var run = GeneratorHarness.Run(M2File());

        var result = Assert.Single(run.Results);
        Assert.Null(result.Exception);
        var info = Assert.Single(run.Diagnostics);
        Assert.Equal(("PDSL0307", DiagnosticSeverity.Info), (info.Id, info.Severity));
        var source = Assert.Single(result.GeneratedSources);
        Assert.Equal("M2.g.cs", source.HintName);
        Snapshot.Match("M2.g.cs.txt", source.SourceText.ToString());
    }

    [Fact]
    public void Several_models_in_one_file_each_generate_their_own_compiling_source()
    {
        var (_, m2) = M2File();
        var mixture = File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Models", "mixture.pdsl"));

        var run = GeneratorHarness.Run(("/models/both.pdsl", m2 + "\n" + mixture));

        var result = Assert.Single(run.Results);
        Assert.Null(result.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(new[] { "M2.g.cs", "Mixture.g.cs" }, result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n).ToArray());
        Assert.Empty(GeneratorHarness.CompileGenerated(run));
    }

    [Fact]
    public void Generated_M2_code_compiles_against_the_runtime()
    {
        var run = GeneratorHarness.Run(M2File());

        var errors = GeneratorHarness.CompileGenerated(run);

        Assert.True(errors.IsEmpty, string.Join("\n", errors));
    }

    [Fact]
    public void Syntax_error_is_reported_at_its_file_line_and_column()
    {
        var text = "model M {\n  data x : Bernoulli[784]\n  latent z Normal[2]\n}\n";

        var run = GeneratorHarness.Run(("/models/bad.pdsl", text));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("PDSL0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/models/bad.pdsl", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);       // 0-based: line 3
        Assert.Equal(11, span.StartLinePosition.Character); // 0-based: column 12, where ':' was expected
        Assert.Contains("':'", diagnostic.GetMessage());
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void Guide_that_misses_a_latent_is_an_error_at_the_guide()
    {
        var (path, text) = M2File();
        var broken = text.Replace("guide Structured = q(z | x,y) q(y | x) {", "guide Structured = q(y | x) {")
                         .Replace("    q(z | x,y) = Normal(encoder(x, y))\n", "");

        var run = GeneratorHarness.Run((path, broken));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("PDSL0301", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        var expectedLine = broken.Split('\n').ToList().FindIndex(l => l.Contains("guide Structured"));
        Assert.Equal(expectedLine, span.StartLinePosition.Line);
        Assert.Equal(broken.Split('\n')[expectedLine].IndexOf("Structured"), span.StartLinePosition.Character);
        Assert.Contains("'z'", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("m2relaxed.pdsl", "M2Relaxed.g.cs")]
    [InlineData("m2hard.pdsl", "M2StraightThrough.g.cs")]
    [InlineData("tiny.pdsl", "Tiny.g.cs")]
    [InlineData("m2reinforce.pdsl", "M2Reinforce.g.cs")]
    [InlineData("tiny-baseline.pdsl", "TinyBaseline.g.cs")]
    [InlineData("three.pdsl", "Three.g.cs")]
    [InlineData("mixture.pdsl", "Mixture.g.cs")]
    [InlineData("tiny-learned.pdsl", "TinyLearned.g.cs")]
    [InlineData("two-dependent.pdsl", "TwoDependent.g.cs")]
    [InlineData("positive.pdsl", "Positive.g.cs")]
    [InlineData("onehot.pdsl", "OneHot.g.cs")]
    public void Test_models_generate_cleanly_compile_and_match_their_snapshots(string file, string hintName)
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, "Models", file);
        var run = GeneratorHarness.Run((path, File.ReadAllText(path)));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        var source = Assert.Single(Assert.Single(run.Results).GeneratedSources);
        Assert.Equal(hintName, source.HintName);
        var errors = GeneratorHarness.CompileGenerated(run);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        Snapshot.Match(hintName + ".txt", source.SourceText.ToString());
    }
}
