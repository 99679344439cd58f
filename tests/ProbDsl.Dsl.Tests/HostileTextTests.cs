using System.Linq;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Dsl.Tests;

/// <summary>
/// Text a hostile or careless user might write: bidirectional overrides ("trojan source"), NUL and other control
/// characters echoed back in messages, and a file without any model (issue #10).
/// </summary>
public class HostileTextTests
{
    private const string Tiny = """
        model Tiny {
          data  x : Bernoulli[4]
          label y : Categorical[3]
          net classifier = mlp(x -> 5 -> y.logits)
          net decoder    = mlp(y -> 6 -> x.logits)
          p(y)     = Categorical(uniform)
          p(x | y) = Bernoulli(logits: decoder(y))
          guide Main = q(y | x) {
            q(y | x) = Categorical(logits: classifier(x))
          }
          objective semisupervised(alpha: 0.1)
        }
        """;

    [Fact]
    public void A_bidi_override_in_a_comment_is_a_warning_at_the_character()
    {
        // The classic trojan-source shape: an override inside a comment makes the line read differently.
        var text = Tiny.Replace("  data  x", "  // check \u202E }; ngised {\u2066 \n  data  x");

        var diagnostics = PdslCompiler.Compile(text, "m.pdsl").Diagnostics;

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(("PDSL0003", DslSeverity.Warning), (d.Id, d.Severity)));
        Assert.Equal((2, 12), (diagnostics[0].Span.StartLine, diagnostics[0].Span.StartColumn));
        Assert.Contains("U+202E (RIGHT-TO-LEFT OVERRIDE)", diagnostics[0].Message);
        Assert.Equal((2, 25), (diagnostics[1].Span.StartLine, diagnostics[1].Span.StartColumn));
        Assert.Contains("U+2066", diagnostics[1].Message);
    }

    [Fact]
    public void Every_bidi_control_is_found_even_when_the_text_does_not_parse()
    {
        foreach (var control in new[] { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069' })
        {
            var diagnostics = PdslCompiler.Compile("model " + control + "M {", "m.pdsl").Diagnostics;

            var warning = Assert.Single(diagnostics, d => d.Id == "PDSL0003");
            Assert.Equal((1, 7), (warning.Span.StartLine, warning.Span.StartColumn));
            Assert.Contains(diagnostics, d => d.Id == "PDSL0001");
        }
    }

    [Fact]
    public void A_flood_of_bidi_controls_is_reported_twenty_times_with_the_rest_counted()
    {
        var text = "// " + new string('\u202E', 1000) + "\n" + Tiny;

        var warnings = PdslCompiler.Compile(text, "m.pdsl").Diagnostics.Where(d => d.Id == "PDSL0003").ToList();

        Assert.Equal(20, warnings.Count);
        Assert.Contains("and 980 more after it in this file", warnings[^1].Message);
    }

    [Theory]
    [InlineData('\0', "\\u0000")]
    [InlineData('\u202E', "\\u202E")]
    [InlineData('\u001B', "\\u001B")] // ESC: would start a terminal escape sequence
    public void A_control_character_echoed_in_a_message_is_escaped(char control, string escaped)
    {
        var diagnostic = PdslCompiler.Compile(Tiny.Replace("label y", "label " + control + "y"), "m.pdsl")
            .Diagnostics.Single(d => d.Id == "PDSL0001");

        Assert.Contains($"unexpected '{escaped}'", diagnostic.Message);
        Assert.DoesNotContain(control, diagnostic.Message);
        Assert.DoesNotContain(control, diagnostic.ToString());
    }

    [Fact]
    public void Escaping_leaves_ordinary_text_alone_and_escapes_every_control_and_format_character()
    {
        Assert.Equal("q(y|x) ⟂ z — ü", ControlCharacters.Escape("q(y|x) ⟂ z — ü"));
        Assert.Equal("a\\u0000b\\u0007c\\u200Bd\\uFEFF", ControlCharacters.Escape("a\0b\u0007c\u200Bd\uFEFF"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    [InlineData("// nothing here yet\n/* not even\n   a model */\n")]
    public void A_file_without_a_model_is_an_info_diagnostic(string text)
    {
        var result = PdslCompiler.Compile(text, "empty.pdsl");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("PDSL0004", DslSeverity.Info, 1, 1), (diagnostic.Id, diagnostic.Severity, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.False(result.HasErrors);
    }
}
