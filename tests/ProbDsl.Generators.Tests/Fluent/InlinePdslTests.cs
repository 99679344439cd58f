using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProbDsl.Generators.Tests.Fluent;

/// <summary>[ProbModel("""...""")] compiles its text like a file; diagnostics point inside the C# string literal.</summary>
public class InlinePdslTests
{
    private static string Indented(string text, string indentation) =>
        string.Join("\n", text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? l : indentation + l));

    private static string Inline(string pdsl) => $$""""
        using ProbDsl.Dsl.Fluent;

        namespace User;

        [ProbModel("""
        {{Indented(pdsl, "    ")}}
            """)]
        public static partial class Models
        {
        }
        """";

    private static string M2Text() => File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl"));

    [Fact]
    public void Inline_M2_generates_the_code_of_the_file()
    {
        var source = Inline(M2Text());

        var run = AttributeHarness.Run(source);

        var info = Assert.Single(run.Diagnostics);
        Assert.Equal("PDSL0307", info.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "MeanField = "), AttributeHarness.Start(info));
        var generated = Assert.Single(run.Results.Single().GeneratedSources);
        Assert.Equal("Models.M2.g.cs", generated.HintName);
        var fromFile = Assert.Single(ProbDslCodeGenerator.Generate(M2Text(), "Models.cs").Sources);
        Assert.Equal(fromFile.Text, generated.SourceText.ToString());
        Assert.True(AttributeHarness.CompileWithGenerated(source, run).IsEmpty);
    }

    [Fact]
    public void A_syntax_error_is_reported_at_its_line_and_column_in_the_CSharp_file()
    {
        var source = Inline(M2Text().Replace("latent z : Normal[50]", "latent z Normal[50]"));

        var error = Assert.Single(AttributeHarness.Run(source).Diagnostics);

        Assert.Equal(("PDSL0001", DiagnosticSeverity.Error), (error.Id, error.Severity));
        var line = source.Split('\n').ToList().FindIndex(l => l.Contains("latent z Normal[50]"));
        Assert.Equal((line, source.Split('\n')[line].IndexOf("Normal")), AttributeHarness.Start(error));
        Assert.Contains("':'", error.GetMessage());
    }

    [Fact]
    public void A_validation_error_in_a_single_line_raw_string_is_located_in_it()
    {
        var source = "using ProbDsl.Dsl.Fluent;\n[ProbModel(\"\"\"model M { data x : Bernoulli[0] }\"\"\")]\nclass Models { }\n";

        var errors = AttributeHarness.Run(source).Diagnostics.Where(d => d.Id == "PDSL0207").ToList();

        Assert.Equal(AttributeHarness.PositionOf(source, "x : Bernoulli[0]"), AttributeHarness.Start(Assert.Single(errors)));
    }

    [Fact]
    public void A_string_with_escapes_is_reported_at_the_whole_argument()
    {
        var source = "using ProbDsl.Dsl.Fluent;\n[ProbModel(\"model M {\\n data x Bernoulli[4] }\")]\nclass Models { }\n";

        var error = Assert.Single(AttributeHarness.Run(source).Diagnostics);

        Assert.Equal("PDSL0001", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "\"model M"), AttributeHarness.Start(error));
    }

    /// <summary>
    /// Found by the fuzzer: a lone \r, a whitespace-only line and a \n make one \r\n in the raw string's value, so its
    /// lines no longer match the literal's; a diagnostic is then reported at the whole argument, not on a wrong line.
    /// </summary>
    [Fact]
    public void A_raw_string_whose_value_merges_line_ends_is_reported_at_the_argument()
    {
        var source = "using ProbDsl.Dsl.Fluent;\n[ProbModel(\"\"\"\n    // a\r  \n    @\n    \"\"\")]\npublic static class Models { }\n";

        var error = Assert.Single(AttributeHarness.Run(source).Diagnostics);

        Assert.Equal("PDSL0001", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "\"\"\"\n"), AttributeHarness.Start(error));
    }
}
