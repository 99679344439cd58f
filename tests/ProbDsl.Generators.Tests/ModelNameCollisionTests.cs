using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProbDsl.Generators.Tests;

/// <summary>
/// Two models whose generated C# names collide — the same name in two files, or names equal after renaming — are a
/// located error on the later declaration naming the first, never a generator crash (CS8785 "hintName must be
/// unique", which left the build with no location and nothing generated).
/// </summary>
public class ModelNameCollisionTests
{
    private static string Tiny(string name, string guide = "Main", string extraGuide = "") => $$"""
        // {{name}}: the Tiny model of the end-to-end tests.
        model {{name}} {
          data  x : Bernoulli[4]
          label y : Categorical[3]
          net classifier = mlp(x -> 5 -> y.logits)
          net decoder    = mlp(y -> 6 -> x.logits)
          p(y)     = Categorical(uniform)
          p(x | y) = Bernoulli(logits: decoder(y))
          guide {{guide}} = q(y | x) {
            q(y | x) = Categorical(logits: classifier(x))
          }{{extraGuide}}
          objective semisupervised(alpha: 0.1)
        }

        """;

    private static Diagnostic SingleError(GeneratorDriverRunResult run)
    {
        var result = Assert.Single(run.Results);
        Assert.Null(result.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        return Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    private static (string Path, int Line, int Column) Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    [Fact]
    public void The_same_model_name_in_two_files_is_an_error_at_the_second_naming_the_first()
    {
        var run = GeneratorHarness.Run(("/m/a.pdsl", Tiny("Dup")), ("/m/b.pdsl", Tiny("Dup")));

        var error = SingleError(run);
        Assert.Equal("PDSL0108", error.Id);
        Assert.Equal(("/m/b.pdsl", 2, 7), Where(error));
        Assert.Contains("model 'Dup' at /m/a.pdsl(2,7)", error.GetMessage());
        // The first declaration still generates its code.
        Assert.Equal(new[] { "Dup.g.cs" }, run.Results[0].GeneratedSources.Select(s => s.HintName));
    }

    [Theory]
    [InlineData("Foo_bar", "FooBar")]
    [InlineData("foo", "Foo")]
    [InlineData("FOO", "Foo")] // distinct in C#, but generated file names are compared ignoring case
    public void Names_that_collide_after_renaming_are_an_error_too(string first, string second)
    {
        var run = GeneratorHarness.Run(("/m/a.pdsl", Tiny(first)), ("/m/b.pdsl", Tiny(second)));

        var error = SingleError(run);
        Assert.Equal("PDSL0108", error.Id);
        Assert.Equal(("/m/b.pdsl", 2, 7), Where(error));
        Assert.Contains($"model '{first}' at /m/a.pdsl(2,7)", error.GetMessage());
    }

    [Fact]
    public void Colliding_names_in_one_file_are_an_error_at_the_second()
    {
        var run = GeneratorHarness.Run(("/m/a.pdsl", Tiny("Foo_bar") + Tiny("FooBar")));

        var error = SingleError(run);
        Assert.Equal("PDSL0108", error.Id);
        Assert.Equal(("/m/a.pdsl", 15, 7), Where(error));
    }

    [Fact]
    public void The_same_name_twice_in_one_file_stays_the_single_error_PDSL0107()
    {
        var run = GeneratorHarness.Run(("/m/a.pdsl", Tiny("Dup") + Tiny("Dup")));

        Assert.Equal("PDSL0107", SingleError(run).Id);
    }

    [Fact]
    public void Distinct_names_in_several_files_all_generate()
    {
        var run = GeneratorHarness.Run(("/m/a.pdsl", Tiny("One")), ("/m/b.pdsl", Tiny("Two")));

        Assert.Null(Assert.Single(run.Results).Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(new[] { "One.g.cs", "Two.g.cs" }, run.Results[0].GeneratedSources.Select(s => s.HintName).OrderBy(n => n));
    }

    private static string SecondGuide(string name) => $$"""

          guide {{name}} = q(y | x) {
            q(y | x) = Categorical(logits: classifier(x))
          }
        """;

    [Theory]
    [InlineData("main")] // TinyMain twice, up to case
    [InlineData("MainTrainer")] // TinyMainTrainer: the trainer of guide Main
    [InlineData("ClassifierNet")] // TinyClassifierNet: the class of network classifier
    public void Declarations_of_one_model_that_compile_to_one_CSharp_type_are_an_error_at_the_second(string guide)
    {
        var run = GeneratorHarness.Run(("/m/a.pdsl", Tiny("Tiny", extraGuide: SecondGuide(guide))));

        var error = SingleError(run);
        Assert.Equal("PDSL0109", error.Id);
        Assert.Equal(("/m/a.pdsl", 12, 9), Where(error)); // the second guide
        Assert.Contains($"'Tiny.{guide}'", error.GetMessage());
        Assert.Empty(run.Results[0].GeneratedSources); // nothing that would fail to compile (CS0101) is generated
    }

    [Fact]
    public void Models_of_two_files_whose_guide_classes_meet_are_an_error_at_the_second_and_only_the_first_is_generated()
    {
        // Model Ab with guide Main and model A with guide bMain: both give the class AbMain / ABMain (file names ignore case).
        var run = GeneratorHarness.Run(("/m/a.pdsl", Tiny("Ab")), ("/m/b.pdsl", Tiny("A", guide: "bMain")));

        var error = SingleError(run);
        Assert.Equal("PDSL0109", error.Id);
        Assert.Equal("/m/b.pdsl", Where(error).Path);
        Assert.Contains("guide 'Ab.Main' at /m/a.pdsl(", error.GetMessage());
        Assert.Equal(new[] { "Ab.g.cs" }, run.Results[0].GeneratedSources.Select(s => s.HintName));
    }

    [Fact]
    public void A_model_named_like_another_models_guide_class_is_an_error_at_the_second()
    {
        // Model Tiny's guide Main compiles to the class TinyMain; model TinyMain's entry point would be TinyMain too.
        var run = GeneratorHarness.Run(("/m/a.pdsl", Tiny("Tiny") + Tiny("TinyMain", guide: "Other")));

        var error = SingleError(run);
        Assert.Equal("PDSL0109", error.Id);
        Assert.Contains("'TinyMain'", error.GetMessage());
    }
}
