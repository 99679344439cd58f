using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProbDsl.Generators.Tests;

/// <summary>The per-file ProbDslHoisting switch: read from item metadata, off only changes multi-input first layers.</summary>
public class HoistingOptionTests
{
    private static (string, string) M2File()
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl");
        return (path, File.ReadAllText(path));
    }

    private static ImmutableDictionary<string, string> Hoisting(string value) =>
        ImmutableDictionary<string, string>.Empty.Add("ProbDslHoisting", value);

    [Fact]
    public void Unhoisted_M2_from_item_metadata_compiles_and_matches_its_snapshot()
    {
        var run = GeneratorHarness.RunWithMetadata(Hoisting("false"), M2File());

        var result = Assert.Single(run.Results);
        Assert.Null(result.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        var errors = GeneratorHarness.CompileGenerated(run);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        Snapshot.Match("M2Unhoisted.g.cs.txt", Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("true")]
    [InlineData(" True ")]
    public void Hoisting_is_on_unless_the_metadata_says_false(string value)
    {
        var (path, text) = M2File();
        var hoisted = ProbDslCodeGenerator.Generate(text, path).Sources.Single().Text;

        var run = GeneratorHarness.RunWithMetadata(Hoisting(value), (path, text));

        Assert.Equal(hoisted, Assert.Single(Assert.Single(run.Results).GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void Hoisting_off_changes_only_the_first_layer_of_networks_on_several_inputs()
    {
        var (path, text) = M2File();
        var hoisted = ProbDslCodeGenerator.Generate(text, path).Sources.Single().Text.Split('\n');
        var unhoisted = ProbDslCodeGenerator.Generate(text, path, new GenerationOptions(Hoisting: false)).Sources.Single().Text.Split('\n');

        var removed = hoisted.Except(unhoisted).ToList();
        var added = unhoisted.Except(hoisted).ToList();

        // encoder(x, y) and decoder(y, z); the classifier and encoderMF have one input and stay as they are.
        Assert.Equal(new[]
        {
            "            var h = F.softplus(this.inputX.call(x) + this.inputY.call(y));",
            "            var h = F.softplus(this.inputY.call(y) + this.inputZ.call(z));",
        }, removed);
        Assert.All(added, line => Assert.Matches(@"^\s*(// Hoisting off|var h = F\.softplus\(F\.linear\(global::ProbDsl\.Inference\.Models\.Broadcasting\.Concatenate)", line));
        Assert.Equal(4, added.Count); // header, and a comment and a layer per two-input network
    }

    [Fact]
    public void Unknown_hoisting_value_is_an_error_and_generates_nothing()
    {
        var run = GeneratorHarness.RunWithMetadata(Hoisting("sometimes"), M2File());

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal(("PDSL0902", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Contains("sometimes", error.GetMessage());
        Assert.Empty(run.GeneratedTrees);
    }
}
