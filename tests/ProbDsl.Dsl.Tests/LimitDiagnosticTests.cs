using System.Linq;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Fluent;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Tests;

/// <summary>
/// Numbers and sizes out of range are located errors (never an internal error at (1,1)); models that would exhaust memory get a
/// located warning with the number (issue #10).
/// </summary>
public class LimitDiagnosticTests
{
    private const string Valid = ValidModel.Text;

    private static string Edit(string from, string to) => ValidModel.Edit(from, to);

    private static DslDiagnostic Single(string text) => ValidModel.SingleDiagnostic(text);

    private static void AssertAt(DslDiagnostic diagnostic, string id, DslSeverity severity, int line, int column)
    {
        Assert.Equal((id, severity, line, column), (diagnostic.Id, diagnostic.Severity, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.NotEqual("PDSL0999", diagnostic.Id);
    }

    [Theory]
    [InlineData("latent z : Normal[2]", "latent z : Normal[10000000000]", 4, 21, "10000000000")]   // above int32
    [InlineData("net cls = mlp(x -> 5 -> y.logits)", "net cls = mlp(x -> 99999999999999999999 -> y.logits)", 5, 22, "99999999999999999999")]
    [InlineData("alpha: 0.1", "alpha: 1e999", 15, 35, "1e999")]                                  // infinite double
    [InlineData("p(z) = Normal(0, 1)", "p(z) = Normal(0, -1e400)", 8, 20, "-1e400")]
    public void A_number_out_of_range_is_PDSL0002_at_the_number(string from, string to, int line, int column, string literal)
    {
        var diagnostic = Single(Edit(from, to));

        AssertAt(diagnostic, "PDSL0002", DslSeverity.Error, line, column);
        Assert.Equal(literal.Length, diagnostic.Span.Length);
        Assert.Contains(literal, diagnostic.Message);
    }

    [Theory]
    [InlineData("latent z : Normal[2]", "latent z : Normal[1000000000]", "PDSL0212", 4, 10, "1000000000")]
    [InlineData("net enc = mlp(x, y -> 5 ->", "net enc = mlp(x, y -> 1000000000 ->", "PDSL0212", 6, 7, "1000000000")]
    [InlineData("latent z : Normal[2]", "latent z : Normal[0]", "PDSL0207", 4, 10, "size 0")]
    [InlineData("net enc = mlp(x, y -> 5 ->", "net enc = mlp(x, y -> 0 ->", "PDSL0207", 6, 7, "size 0")]
    public void A_size_out_of_range_is_an_error_at_its_declaration(string from, string to, string id, int line, int column, string number)
    {
        var diagnostic = Single(Edit(from, to));

        AssertAt(diagnostic, id, DslSeverity.Error, line, column);
        Assert.Contains(number, diagnostic.Message);
    }

    [Fact]
    public void A_parameter_count_that_would_exhaust_memory_is_a_warning_at_the_largest_network()
    {
        // 10^7 hidden units between 4 inputs and 3 outputs, plus a second such layer: about 10^14 parameters.
        var text = Edit("net dec = mlp(y, z -> 5 -> x.logits)", "net dec = mlp(y, z -> 10000000 -> 10000000 -> x.logits)");

        var diagnostic = Single(text);

        AssertAt(diagnostic, "PDSL0213", DslSeverity.Warning, 7, 7);
        Assert.Contains("100,000,110,000,111 network parameters", diagnostic.Message);
        Assert.Contains("'dec'", diagnostic.Message);
    }

    [Fact]
    public void A_model_just_under_the_parameter_threshold_has_no_warning()
    {
        // dec: (3 + 2)·10^6 + 10^6 + 10^6·4 + 4 ≈ 10^7 parameters, far below 5·10^8.
        var text = Edit("net dec = mlp(y, z -> 5 -> x.logits)", "net dec = mlp(y, z -> 1000000 -> x.logits)");

        Assert.Empty(PdslCompiler.Compile(text, "m.pdsl").Diagnostics);
    }

    [Fact]
    public void A_joint_enumeration_that_would_exhaust_memory_is_a_warning_at_the_largest_discrete_variable()
    {
        // y (1001 classes) and b (1000) are enumerated jointly: 1,001,000 values per example.
        var text = Edit("latent z : Normal[2]", "latent z : Normal[2]\n  latent b : Categorical[1000]")
            .Replace("label  y : Categorical[3]", "label  y : Categorical[1001]")
            .Replace("p(z) = Normal(0, 1)", "p(z) = Normal(0, 1)\n  p(b) = Categorical(uniform)")
            .Replace("net dec = mlp(y, z -> 5 -> x.logits)", "net dec = mlp(y, z, b -> 5 -> x.logits)\n  net nui = mlp(x -> 5 -> b.logits)")
            .Replace("p(x | y, z) = Bernoulli(logits: dec(y, z))", "p(x | y, z, b) = Bernoulli(logits: dec(y, z, b))")
            .Replace("guide G = q(z | x, y) q(y | x) {", "guide G = q(z | x, y) q(y | x) q(b | x) {\n    q(b | x) = Categorical(logits: nui(x))");

        var diagnostics = PdslCompiler.Compile(text, "m.pdsl").Diagnostics.Where(d => d.Id != "PDSL0307").ToList();

        var diagnostic = Assert.Single(diagnostics);
        AssertAt(diagnostic, "PDSL0214", DslSeverity.Warning, 3, 10);
        Assert.Contains("1,001,000 joint values (y: 1001 × b: 1000)", diagnostic.Message);
    }

    [Fact]
    public void The_fluent_form_gets_the_same_size_error()
    {
        var builder = Model.Define("M")
            .Data("x", DistributionFamily.Bernoulli, 4)
            .Latent("z", DistributionFamily.Normal, 1_000_000_000)
            .Net("enc", Mlp.From("x").Hidden(5).To("z.loc").To("z.scale", HeadTransform.Softplus))
            .Net("dec", Mlp.From("z").Hidden(5).To("x.logits"))
            .P("z", Dist.Normal(loc: 0, scale: 1))
            .P("x", given: ["z"], Dist.Bernoulli(logits: Net.Call("dec", "z")))
            .Guide("G", Guide.Q("z", given: ["x"], Dist.Normal(Net.Call("enc", "x"))))
            .Elbo();

        var diagnostics = builder.Compile().Diagnostics;

        Assert.Contains(diagnostics, d => d.Id == "PDSL0212" && d.Message.Contains("1000000000"));
    }

    [Fact]
    public void A_relax_period_beyond_int_range_means_never_rather_than_a_negative_period()
    {
        var text = Edit("objective semisupervised", "infer y by relax(every: 1e12)\n  objective semisupervised");

        var result = PdslCompiler.Compile(text, "m.pdsl");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(int.MaxValue, result.Value!.Models[0].Inference[0].Relaxation!.Every);
    }

    // (A non-finite distribution constant is refused by the fluent API itself, Value's conversion.)
    private static ModelBuilder FluentTiny(double alpha = 0.1) => Model.Define("M")
        .Data("x", DistributionFamily.Bernoulli, 4)
        .Label("y", DistributionFamily.Categorical, 3)
        .Latent("z", DistributionFamily.Normal, 2)
        .Net("cls", Mlp.From("x").Hidden(5).To("y.logits"))
        .Net("enc", Mlp.From("x", "y").Hidden(5).To("z.loc").To("z.scale", HeadTransform.Softplus))
        .Net("dec", Mlp.From("y", "z").Hidden(5).To("x.logits"))
        .P("z", Dist.Normal(loc: 0, scale: 1))
        .P("y", Dist.UniformCategorical())
        .P("x", given: ["y", "z"], Dist.Bernoulli(logits: Net.Call("dec", "y", "z")))
        .Guide("G", Guide
            .Q("z", given: ["x", "y"], Dist.Normal(Net.Call("enc", "x", "y")))
            .Q("y", given: ["x"], Dist.Categorical(logits: Net.Call("cls", "x"))))
        .SemiSupervised(alpha: alpha);

    public static TheoryData<string, ModelBuilder> NonFinite() => new()
    {
        { "Infinity", FluentTiny(alpha: double.PositiveInfinity) },
        { "NaN", FluentTiny().Relax("y", tau0: double.NaN) },
        { "NaN", FluentTiny().Reinforce("y", BaselineKind.Average, decay: double.NaN) },
    };

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void A_non_finite_number_from_the_fluent_API_is_PDSL0002(string value, ModelBuilder builder)
    {
        var diagnostic = Assert.Single(builder.Compile().Diagnostics, d => d.IsError);

        Assert.Equal("PDSL0002", diagnostic.Id);
        Assert.Equal($"The number {value} is out of range: numbers in a model must be finite", diagnostic.Message);
    }

    [Fact]
    public void The_fluent_model_with_finite_numbers_is_valid() => Assert.DoesNotContain(FluentTiny().Compile().Diagnostics, d => d.IsError);

    [Fact]
    public void A_name_of_ten_megabytes_is_PDSL0215_at_its_declaration_and_the_message_shows_only_its_start()
    {
        var name = "m" + new string('x', 10_000_000);

        var diagnostic = Single(Edit("model M {", $"model {name} {{"));

        AssertAt(diagnostic, "PDSL0215", DslSeverity.Error, 1, 7);
        Assert.True(diagnostic.Message.Length < 400, $"{diagnostic.Message.Length} characters");
        Assert.Contains("10000001 characters", diagnostic.Message);
    }

    [Fact]
    public void A_guide_name_of_129_characters_is_PDSL0215_and_128_is_accepted()
    {
        var tooLong = new string('w', 129);
        var longest = new string('w', 128);

        var diagnostic = Single(Edit("guide G =", $"guide {tooLong} ="));
        Assert.Equal(("PDSL0215", 11), (diagnostic.Id, diagnostic.Span.StartLine));
        Assert.Empty(PdslCompiler.Compile(Edit("guide G =", $"guide {longest} ="), "m.pdsl").Diagnostics);
    }

    [Fact]
    public void A_mean_field_guide_over_200_latents_reports_three_unfaithful_assumptions_and_a_count_in_little_text()
    {
        const int latents = 200;
        var names = Enumerable.Range(0, latents).Select(i => $"z{i}").ToList();
        var text = "model Wide {\n  data x : Bernoulli[2]\n"
            + string.Concat(names.Select(n => $"  latent {n} : Normal[1]\n"))
            + $"  net dec = mlp({string.Join(", ", names)} -> 2 -> x.logits)\n"
            + string.Concat(names.Select(n => $"  net q{n} = mlp(x -> 2 -> {n}.loc, softplus({n}.scale))\n"))
            + string.Concat(names.Select(n => $"  p({n}) = Normal(0, 1)\n"))
            + $"  p(x | {string.Join(", ", names)}) = Bernoulli(logits: dec({string.Join(", ", names)}))\n"
            + $"  guide MeanField = {string.Join(" ", names.Select(n => $"q({n} | x)"))} {{\n"
            + string.Concat(names.Select(n => $"    q({n} | x) = Normal(q{n}(x))\n"))
            + "  }\n  objective elbo\n}\n";

        var diagnostics = PdslCompiler.Compile(text, "wide.pdsl").Diagnostics;

        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Equal(3, diagnostics.Count(d => d.Id == "PDSL0307"));
        var more = Assert.Single(diagnostics, d => d.Id == "PDSL0308");
        Assert.Contains($"{latents - 1 - 3} more", more.Message);
        Assert.True(diagnostics.Sum(d => d.Message.Length) < 10_000, $"{diagnostics.Sum(d => d.Message.Length)} characters");
    }
}
