using System.Linq;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Dsl.Tests;

/// <summary>One bad model per diagnostic ID, each with the exact line and column where it must be reported.</summary>
public class DiagnosticTests
{
    private const string Valid = ValidModel.Text;

    private static DslDiagnostic Single(string text) => ValidModel.SingleDiagnostic(text);

    private static string Edit(string from, string to) => ValidModel.Edit(from, to);

    [Fact]
    public void The_valid_model_has_no_diagnostics() => Assert.Empty(PdslCompiler.Compile(Valid, "m.pdsl").Diagnostics);

    [Theory]
    [InlineData("latent z : Normal[2]", "latent z Normal[2]", "PDSL0001", 4, 12)]          // missing ':'
    [InlineData("net cls = mlp(x -> 5 -> y.logits)", "net cls = mlp(x -> 5 -> y.logits", "PDSL0001", 6, 3)] // missing ')'
    [InlineData("p(z) = Normal(0, 1)", "p(z) = Gaussian(0, 1)", "PDSL0001", 8, 10)]        // unknown family
    [InlineData("infer", "infer", "", 0, 0)]
    public void Syntax_errors_are_reported_where_parsing_stopped(string from, string to, string id, int line, int column)
    {
        if (id.Length == 0)
            return; // keeps the table aligned; 'infer' appears in no valid model text
        var diagnostic = Single(Edit(from, to));

        Assert.Equal((id, line, column), (diagnostic.Id, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(DslSeverity.Error, diagnostic.Severity);
    }

    [Theory]
    [InlineData("net cls = mlp(x -> 5 -> y.logits)", "net cls = mlp(x -> 5 -> y.logits)\n  net cls = mlp(x -> 5 -> y.logits)", "PDSL0101", 6, 7)]
    [InlineData("p(x | y, z) = Bernoulli(logits: dec(y, z))", "p(x | y, w) = Bernoulli(logits: dec(y, z))", "PDSL0102", 10, 3)]
    [InlineData("q(y | x) = Categorical(logits: cls(x))", "q(y | x) = Categorical(logits: clf(x))", "PDSL0103", 12, 36)]
    [InlineData("p(z) = Normal(0, 1)\n", "", "PDSL0104", 4, 10)]
    [InlineData("p(y) = Categorical(uniform)", "p(y) = Categorical(uniform)\n  p(y) = Categorical(uniform)", "PDSL0105", 10, 3)]
    [InlineData("p(x | y, z) = Bernoulli(logits: dec(y, z))", "p(x | y, z) = Normal(0, 1)", "PDSL0201", 10, 17)]
    [InlineData("p(z) = Normal(0, 1)", "p(z) = Normal(loc: 0, spread: 1)", "PDSL0202", 8, 25)]
    [InlineData("p(z) = Normal(0, 1)", "p(z) = Normal(loc: 0)", "PDSL0203", 8, 10)]
    [InlineData("p(x | y, z) = Bernoulli(logits: dec(y, z))", "p(x | y, z) = Bernoulli(logits: dec(z, y))", "PDSL0204", 10, 35)]
    [InlineData("net cls = mlp(x -> 5 -> y.logits)", "net cls = mlp(x -> 5 -> z.loc)", "PDSL0205", 12, 36)]
    [InlineData("softplus(z.scale)", "z.scale", "PDSL0206", 6, 37)]
    [InlineData("label  y : Categorical[3]", "label  y : Categorical[1]", "PDSL0207", 3, 10)]
    [InlineData("p(x | y, z) = Bernoulli(logits: dec(y, z))", "p(x | y) = Bernoulli(logits: dec(y, z))", "PDSL0208", 10, 32)]
    [InlineData("p(z) = Normal(0, 1)", "p(z) = Normal(0, -1)", "PDSL0209", 8, 20)]
    [InlineData("objective semisupervised(alpha: 0.1)", "objective semisupervised(beta: 0.1)", "PDSL0403", 15, 28)]
    public void Semantic_errors_name_the_rule_at_the_offending_place(string from, string to, string id, int line, int column)
    {
        var diagnostic = Single(Edit(from, to));

        Assert.Equal((id, line, column), (diagnostic.Id, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(DslSeverity.Error, diagnostic.Severity);
    }

    [Theory]
    [InlineData("guide G = q(z | x, y) q(y | x) {", "guide G = q(y | x) {", "q(z | x, y) = Normal(enc(x, y))", "PDSL0301")]
    [InlineData("q(z | x, y) q(y | x) {", "q(z | x, y) q(y | x) q(x) {", "q(y | x) = Categorical(logits: cls(x))", "PDSL0303")]
    public void Guide_coverage_errors(string from, string to, string removedBody, string id)
    {
        var text = Edit(from, to);
        text = id == "PDSL0301"
            ? text.Replace(removedBody, "")
            : text.Replace(removedBody, removedBody + "\n    q(x) = Bernoulli(logits: dec(y, z))");
        var ids = PdslCompiler.Compile(text, "m.pdsl").Diagnostics.Select(d => d.Id).ToList();

        Assert.Contains(id, ids);
    }

    [Fact]
    public void A_latent_covered_twice_is_reported_at_the_second_factor()
    {
        var text = Edit("guide G = q(z | x, y) q(y | x) {", "guide G = q(z | x, y) q(y | x) q(z | x) {")
            .Replace("q(z | x, y) = Normal(enc(x, y))", "q(z | x, y) = Normal(enc(x, y))\n    q(z | x) = Normal(0, 1)");

        var diagnostic = Single(text);

        Assert.Equal(("PDSL0302", 11, 34), (diagnostic.Id, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void A_cyclic_guide_is_an_error()
    {
        var text = Edit("guide G = q(z | x, y) q(y | x) {", "guide G = q(z | x, y) q(y | x, z) {")
            .Replace("q(y | x) = Categorical(logits: cls(x))", "q(y | x, z) = Categorical(logits: cls(x))");

        var ids = PdslCompiler.Compile(text, "m.pdsl").Diagnostics.Select(d => d.Id).ToList();

        Assert.Contains("PDSL0304", ids);
    }

    [Fact]
    public void A_guide_body_without_its_factor_is_reported()
    {
        var text = Edit("q(z | x, y) = Normal(enc(x, y))", "q(z | x) = Normal(enc(x, y))");

        var ids = PdslCompiler.Compile(text, "m.pdsl").Diagnostics.Select(d => d.Id).ToList();

        Assert.Contains("PDSL0305", ids);
    }

    [Fact]
    public void A_guide_conditioning_on_a_latent_it_never_samples_is_reported()
    {
        var text = Edit("guide G = q(z | x, y) q(y | x) {", "guide G = q(y | x, z) {")
            .Replace("q(y | x) = Categorical(logits: cls(x))", "q(y | x, z) = Categorical(logits: cls(x))")
            .Replace("q(z | x, y) = Normal(enc(x, y))", "");

        var diagnostics = PdslCompiler.Compile(text, "m.pdsl").Diagnostics;

        Assert.Equal(new[] { "PDSL0301", "PDSL0306" }, diagnostics.Select(d => d.Id).OrderBy(i => i));
        Assert.Contains("'z'", diagnostics.Single(d => d.Id == "PDSL0306").Message);
    }

    [Fact]
    public void Messages_state_the_fix()
    {
        var diagnostic = Single(Edit("softplus(z.scale)", "z.scale"));

        Assert.Contains("softplus(z.scale)", diagnostic.Message);
        Assert.Equal("m.pdsl(6,37): error PDSL0206: " + diagnostic.Message, diagnostic.ToString());
    }
}
