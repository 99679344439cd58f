using System;
using System.IO;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Tests;

/// <summary>
/// Lines end where Roslyn ends them (\r\n, \r, \n, U+0085, U+2028, U+2029): Roslyn prints a diagnostic at the line
/// and column we give and marks the offset, so both must agree. Found by the fuzzer: Sprache counts only \n, so
/// after a lone \r (old Mac line ends) or a U+2028 every diagnostic was printed on the wrong line, and a line
/// comment ran on past such a line end, hiding the code an editor shows on the next line.
/// </summary>
public class LineEndingTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    public void A_syntax_error_on_the_third_line_is_on_line_three(string newline)
    {
        var text = $"// one{newline}// two{newline}  @";

        var error = Assert.Single(PdslCompiler.Compile(text, "f.pdsl").Diagnostics);

        Assert.Equal("PDSL0001", error.Id);
        Assert.Equal(new SourceSpan(text.IndexOf('@'), 1, 3, 3, 3, 4), error.Span);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\u2028")]
    public void A_validation_error_is_where_it_is_with_plain_line_ends(string newline)
    {
        static SourceSpan SizeError(string text) =>
            Assert.Single(PdslCompiler.Compile(text, "f.pdsl").Diagnostics, d => d.Id == "PDSL0207").Span;
        var lines = new[] { "model M {", "  data x : Bernoulli[4]", "  latent z : Normal[0]", "}" };

        Assert.Equal(SizeError(string.Join("\n", lines)), SizeError(string.Join(newline, lines)));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\u2028")]
    public void A_line_comment_ends_at_such_line_ends(string newline)
    {
        var m2 = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl"));

        var compiled = PdslCompiler.Compile(m2.Replace("\n", newline), "m2.pdsl");

        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        Assert.Equal("M2", Assert.Single(compiled.Value!.Models).Name);
    }

    [Fact]
    public void A_bidi_control_after_a_lone_carriage_return_is_on_the_second_line()
    {
        var warning = Assert.Single(PdslCompiler.Compile("// a\r// \u202E b", "f.pdsl").Diagnostics, d => d.Id == "PDSL0003");

        Assert.Equal((2, 4, 8), (warning.Span.StartLine, warning.Span.StartColumn, warning.Span.Offset));
    }
}
