using System;
using System.IO;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Fluent;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Parsing;
using ProbDsl.Dsl.Printing;
using ProbDsl.Examples.M2Fluent;

namespace ProbDsl.Dsl.Tests;

/// <summary>The fluent API builds the parser's IR and gets the same diagnostics.</summary>
public class FluentBuilderTests
{
    private static ModelIr ParsedM2()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl"));
        return Assert.Single(PdslParser.Parse(text, "m2.pdsl").Value!.Models);
    }

    [Fact]
    public void Fluent_M2_with_both_guides_equals_the_parsed_m2_pdsl()
    {
        var fluent = M2Definition.M2().Build();

        var parsed = ParsedM2();

        // Printed first so that a difference shows as readable text, then compared as records.
        Assert.Equal(PdslPrinter.Print(parsed), PdslPrinter.Print(fluent));
        Assert.Equal(parsed, fluent);
        Assert.Equal(new[] { "Structured", "MeanField" }, fluent.Guides.Select(g => g.Name));
    }

    [Fact]
    public void Fluent_M2_gets_the_same_diagnostics_as_the_text()
    {
        var fluent = M2Definition.M2().Compile("m2.pdsl").Diagnostics.Select(d => (d.Id, d.Message));

        var text = PdslCompiler.Compile(PdslPrinter.Print(ParsedM2()), "m2.pdsl").Diagnostics.Select(d => (d.Id, d.Message));

        Assert.Equal(text, fluent);
        Assert.Equal("PDSL0307", Assert.Single(fluent).Id); // mean field's assumption, as for the text
    }

    [Fact]
    public void Every_inference_strategy_and_objective_matches_its_text()
    {
        var text = """
            model R {
              data x : Bernoulli[4]
              latent a : Categorical[3]
              latent b : Categorical[2]
              latent c : Categorical[2]
              net d = mlp(a, b, c -> x.logits, act: tanh)
              p(a) = Categorical(0, 1)
              p(b) = Categorical(uniform)
              p(c) = Categorical(logits: uniform)
              p(x | a, b, c) = Bernoulli(d(a, b, c))
              guide G = q(a) q(b | a) q(c) { q(a) = Categorical(uniform) q(b | a) = Categorical(uniform) q(c) = Categorical(uniform) }
              infer a by relax
              infer b by relax(tau: 2 -> 0.1, rate: 0.001, every: 10, hard)
              infer c by reinforce(baseline: learned, decay: 0.9)
              objective elbo
            }
            """;
        var parsed = Assert.Single(PdslParser.Parse(text, "r.pdsl").Value!.Models);

        var fluent = Model.Define("R")
            .Data("x", DistributionFamily.Bernoulli, 4)
            .Latent("a", DistributionFamily.Categorical, 3)
            .Latent("b", DistributionFamily.Categorical, 2)
            .Latent("c", DistributionFamily.Categorical, 2)
            .Net("d", Mlp.From("a", "b", "c").To("x.logits").Act(Activation.Tanh))
            .P("a", Dist.Of(DistributionFamily.Categorical, Arg.Positional(0), Arg.Positional(1)))
            .P("b", Dist.UniformCategorical())
            .P("c", Dist.Categorical(logits: Value.Uniform()))
            .P("x", ["a", "b", "c"], Dist.Bernoulli(Net.Call("d", "a", "b", "c")))
            .Guide("G", Guide.Q("a", Dist.UniformCategorical()).Q("b", ["a"], Dist.UniformCategorical()).Q("c", Dist.UniformCategorical()))
            .Relax("a")
            .Relax("b", tau0: 2, tauMin: 0.1, rate: 0.001, every: 10, hard: true)
            .Reinforce("c", BaselineKind.Learned, decay: 0.9)
            .Elbo()
            .Compile();

        Assert.Equal(PdslPrinter.Print(parsed), PdslPrinter.Print(fluent.Value!));
        Assert.Equal(parsed, fluent.Value);
    }

    [Fact]
    public void Build_throws_with_the_validators_diagnostics_when_a_guide_misses_a_latent()
    {
        var broken = Model.Define("M")
            .Data("x", DistributionFamily.Bernoulli, 4)
            .Latent("z", DistributionFamily.Normal, 2)
            .Net("dec", Mlp.From("z").Hidden(5).To("x.logits"))
            .P("z", Dist.Normal(0, 1))
            .P("x", ["z"], Dist.Bernoulli(logits: Net.Call("dec", "z")))
            .Guide("G", Guide.Q("x", Dist.Bernoulli(0)));

        var error = Assert.Throws<FluentModelException>(() => broken.Build());

        Assert.Equal(new[] { "PDSL0301", "PDSL0303" }, error.Diagnostics.Select(d => d.Id).OrderBy(i => i));
        Assert.Contains("Guide 'G' has no factor for the latent 'z'", error.Message);
    }

    [Fact]
    public void A_second_objective_and_a_negative_alpha_are_reported_as_for_the_text()
    {
        var diagnostics = M2Definition.M2().SemiSupervised(alpha: -1).Compile().Diagnostics;

        Assert.Contains(diagnostics, d => d.Id == "PDSL0101" && d.Message.StartsWith("'objective' is declared more than once", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "PDSL0403" && d.Message == "Objective option 'alpha' must be zero or positive");
    }

    [Theory]
    [InlineData("my var")]
    [InlineData("1x")]
    [InlineData("")]
    public void Names_follow_the_text_languages_identifier_rule(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => Model.Define("M").Latent(name, DistributionFamily.Normal, 2));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("not a valid name", error.Message);
    }

    [Fact]
    public void Heads_are_variable_dot_parameter_and_a_network_needs_one()
    {
        Assert.Throws<ArgumentException>(() => Mlp.From("x").To("zloc"));
        var noHead = Assert.Throws<ArgumentException>(() => Model.Define("M").Net("n", Mlp.From("x").Hidden(3)));
        Assert.Contains("has no output", noHead.Message);
        Assert.Throws<ArgumentException>(() => Dist.Normal(double.NaN, 1));
    }

    [Fact]
    public void Builders_are_immutable_so_a_shared_prefix_is_not_changed()
    {
        var prefix = Model.Define("M").Data("x", DistributionFamily.Bernoulli, 4);

        _ = prefix.Latent("z", DistributionFamily.Normal, 2);

        Assert.Single(prefix.Compile().Value!.Variables);
    }

    /// <summary>Found by the fuzzer: C# casts let any number through as an enum, and an unknown family was PDSL0999 in the generator.</summary>
    [Fact]
    public void An_enum_value_that_is_not_a_member_is_rejected_at_the_call()
    {
        var start = Model.Define("M");

        Assert.Throws<ArgumentOutOfRangeException>(() => start.Data("x", (DistributionFamily)99, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dist.Of((DistributionFamily)(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.From("x").To("z.loc", (HeadTransform)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.From("x").Act((Activation)42));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => start.Reinforce("y", (BaselineKind)3));
        Assert.Contains("3 is not a BaselineKind; use one of BaselineKind.None, BaselineKind.Average, BaselineKind.Learned", error.Message);
    }
}
