using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProbDsl.Generators.Tests.Fluent;

/// <summary>What the generator cannot read from a chain is a diagnostic at the C# argument or call, naming it.</summary>
public class FluentArgumentTests
{
    private static string Model(string members, string chainTail) => $$"""
        using ProbDsl.Dsl.Fluent;
        using ProbDsl.Dsl.Ir;

        public static class Models
        {
        {{members}}
            [ProbModel]
            public static ModelBuilder Tiny() => Model.Define("Tiny")
                .Data("x", DistributionFamily.Bernoulli, 4)
                .Latent("z", DistributionFamily.Normal, 2)
                .Net("dec", Mlp.From("z").Hidden(Width).To("x.logits"))
                .Net("enc", Mlp.From("x").Hidden(3).To("z.loc").To("z.scale", HeadTransform.Softplus))
                .P("z", Dist.Normal(0, 1))
                .P("x", ["z"], Dist.Bernoulli(logits: Net.Call("dec", "z")))
                .Guide("G", Guide.Q("z", ["x"], Dist.Normal(Net.Call("enc", "x"))))
                {{chainTail}};
        }
        """;

    [Fact]
    public void Constants_are_read_like_literals()
    {
        var source = Model("    private const int Width = 3;", ".Elbo()");

        var run = AttributeHarness.Run(source);

        Assert.Empty(run.Diagnostics);
        var model = Assert.Single(AttributeHarness.Models(run)).Program!.Models.Single();
        Assert.Equal(new[] { 3 }, model.Nets[0].Hidden);
        Assert.True(AttributeHarness.CompileWithGenerated(source, run).IsEmpty);
    }

    [Fact]
    public void A_non_constant_argument_is_reported_at_the_argument_naming_it()
    {
        var source = Model("    private static int Width = 3;", ".Elbo()");

        var run = AttributeHarness.Run(source);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal(("PDSL0801", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Equal(AttributeHarness.PositionOf(source, "Width)"), AttributeHarness.Start(error));
        Assert.Equal(5, error.Location.GetLineSpan().EndLinePosition.Character - error.Location.GetLineSpan().StartLinePosition.Character);
        Assert.StartsWith("Argument 'Width' of parameter 'widths' of Mlp.Hidden is not a literal or a constant", error.GetMessage());
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void A_call_of_your_own_as_an_argument_is_not_a_constant()
    {
        var source = Model("    private static int Width() => 3;", ".Elbo()").Replace("Hidden(Width)", "Hidden(Width())");

        var error = Assert.Single(AttributeHarness.Run(source).Diagnostics);

        Assert.Equal("PDSL0801", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "Width())"), AttributeHarness.Start(error));
        Assert.StartsWith("Argument 'Width()' of parameter 'widths' of Mlp.Hidden", error.GetMessage());
    }

    [Fact]
    public void Every_non_constant_argument_of_a_call_is_reported()
    {
        var source = Model("    private const int Width = 3;\n    private static string Name = \"x\";\n    private static double Alpha = 0.1;",
            ".P(Name, [Name], Dist.Normal(Alpha, 1))");

        var ids = AttributeHarness.Run(source).Diagnostics.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Character)).ToList();

        var line = source.Split('\n').Single(l => l.Contains(".P(Name"));
        Assert.Equal(new[] { ("PDSL0801", line.IndexOf("Name")), ("PDSL0801", line.IndexOf("Name]")), ("PDSL0801", line.IndexOf("Alpha")) }, ids);
    }

    [Fact]
    public void An_argument_the_builder_rejects_is_reported_at_the_call()
    {
        var source = Model("    private const int Width = 3;", ".Elbo()").Replace("To(\"x.logits\")", "To(\"xlogits\")");

        var error = Assert.Single(AttributeHarness.Run(source).Diagnostics);

        Assert.Equal("PDSL0802", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "To(\"xlogits\")"), AttributeHarness.Start(error));
        Assert.StartsWith("Mlp.To: 'xlogits' is not a head; write 'variable.parameter'", error.GetMessage());
    }

    [Fact]
    public void A_call_outside_the_fluent_API_is_reported_at_that_call()
    {
        var source = """
            using ProbDsl.Dsl.Fluent;

            public static class Models
            {
                private static ModelBuilder Finish(ModelBuilder model) => model.Elbo();

                [ProbModel]
                public static ModelBuilder Tiny() => Finish(Model.Define("Tiny")).Elbo();
            }
            """;

        var error = Assert.Single(AttributeHarness.Run(source).Diagnostics);

        Assert.Equal("PDSL0803", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "Finish(Model.Define"), AttributeHarness.Start(error));
        Assert.Contains("'Models.Finish(ProbDsl.Dsl.Fluent.ModelBuilder)' is not part of the ProbDsl fluent API", error.GetMessage());
    }

    [Fact]
    public void A_class_marked_without_text_is_reported_at_the_attribute()
    {
        var source = "using ProbDsl.Dsl.Fluent;\n[ProbModel]\npublic static class Models { }\n";

        var error = Assert.Single(AttributeHarness.Run(source).Diagnostics);

        Assert.Equal("PDSL0803", error.Id);
        Assert.Equal((1, 1), AttributeHarness.Start(error));
        Assert.Contains("on a class or struct it needs the model text", error.GetMessage());
    }

    /// <summary>Found by the fuzzer: C# lets any number through as an enum; an unknown family was PDSL0999.</summary>
    [Fact]
    public void An_enum_value_that_is_not_a_member_is_reported_at_the_call()
    {
        var source = Model("    private const int Width = 3;", ".Elbo()").Replace("DistributionFamily.Normal, 2", "(DistributionFamily)99, 2");

        var error = Assert.Single(AttributeHarness.Run(source).Diagnostics);

        Assert.Equal("PDSL0802", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "Latent("), AttributeHarness.Start(error));
        Assert.Contains("99 is not a DistributionFamily", error.GetMessage());
    }

    /// <summary>Found by the fuzzer: Build() ran in the generator and threw on the invalid model, PDSL0999.</summary>
    [Theory]
    [InlineData(".Build()")]
    [InlineData(".Compile()")]
    public void A_call_that_ends_the_chain_is_reported_at_that_call(string tail)
    {
        var source = Model("    private const int Width = 3;", tail).Replace("public static ModelBuilder Tiny()", "public static object Tiny()");

        var error = Assert.Single(AttributeHarness.Run(source).Diagnostics);

        Assert.Equal("PDSL0803", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, tail.Substring(1)), AttributeHarness.Start(error));
        Assert.Contains("ends the chain at run time", error.GetMessage());
    }

    /// <summary>
    /// Found by the fuzzer: in code C# rejects, a constant may not convert to the parameter's type at all
    /// (<c>(Activation)1e308</c>); the generator's conversion threw, PDSL0999.
    /// </summary>
    [Fact]
    public void A_constant_of_the_wrong_type_is_reported_at_the_argument()
    {
        var source = Model("    private const int Width = 3;", ".Elbo()").Replace(".Hidden(3)", ".Hidden(3).Act((Activation)1e308)");

        var run = AttributeHarness.Run(source);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("PDSL0802", error.Id);
        Assert.Equal(AttributeHarness.PositionOf(source, "1e308"), AttributeHarness.Start(error));
        Assert.Contains("the constant 1e308 cannot be converted to Activation", error.GetMessage());
        Assert.Contains(AttributeHarness.Compilation(source).GetDiagnostics(), d => d.Id == "CS0221");
    }
}
