using System.IO;
using System.Linq;

namespace ProbDsl.Generators.Tests;

/// <summary>
/// Golden plans (<c>Snapshots/Plans/*.plan</c>): the decisions the emitter follows, printed, for the shapes that
/// matter — M2 with both guides, two discrete latents on two dimensions, a hierarchical model whose z1 term is
/// sampled, a relaxed label, and a model whose variable names are mangled. Run through the public stages.
/// </summary>
public class PlanGoldenTests
{
    [Theory]
    [InlineData("Examples/M2Mnist/m2.pdsl", "m2.plan")]
    [InlineData("Models/two-dependent.pdsl", "two-dependent.plan")]
    [InlineData("Models/hier.pdsl", "hier.plan")]
    [InlineData("Models/m2relaxed.pdsl", "m2relaxed.plan")]
    [InlineData("Models/m2reinforce.pdsl", "m2reinforce.plan")]
    [InlineData("Models/mixture.pdsl", "mixture.plan")]
    [InlineData("Examples/M2Mnist/m2nuisance.pdsl", "m2nuisance.plan")]
    public void The_plan_matches_its_golden_file(string model, string golden)
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, model);

        var plan = Plan(File.ReadAllText(path), Path.GetFileName(path));

        Snapshot.Match(Path.Combine("Plans", golden), plan.ToString());
    }

    [Fact]
    public void The_second_discrete_latent_is_enumerated_on_dim_1_of_2()
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, "Models", "two-dependent.pdsl");

        var text = Plan(File.ReadAllText(path), "two-dependent.pdsl").ToString();

        Assert.Contains("b: enumerated on dim 1 of 2", text);
        Assert.Contains("y: enumerated on dim 0 of 2", text);
    }

    [Fact]
    public void Names_the_generated_code_uses_are_mangled_in_the_plan()
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl");
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path), @"\bz\b", "h");

        var plan = Plan(text, "m2h.pdsl");

        Snapshot.Match(Path.Combine("Plans", "m2-named-h.plan"), plan.ToString());
        Assert.Equal("h_", plan.Models.Single().Guides[0].Locals.Variable("h"));
    }

    [Fact]
    public void Hoisting_off_is_recorded_in_the_plan()
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl");
        var checkedFile = ProbDslCompiler.Check(ProbDslCompiler.Parse(File.ReadAllText(path), "m2.pdsl"));

        var plan = ProbDslCompiler.Plan(checkedFile, new GenerationOptions(Hoisting: false));

        Assert.False(plan.Models.Single().Hoisting);
        Assert.Contains("hoisting off: inputs broadcast and concatenated", plan.ToString());
    }

    /// <summary>Each stage prints itself; the four stages give exactly what the generator's one call gives.</summary>
    [Fact]
    public void The_stages_print_themselves_and_compose_to_the_generator()
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl");
        var text = File.ReadAllText(path);

        var parsed = ProbDslCompiler.Parse(text, "m2.pdsl");
        var checkedFile = ProbDslCompiler.Check(parsed);
        var plan = ProbDslCompiler.Plan(checkedFile);
        var emitted = ProbDslCompiler.Emit(plan);

        Assert.Contains("model M2 {", parsed.ToString());
        Assert.Contains("  order:      q(y|x) q(z|x,y)", checkedFile.ToString());
        Assert.Contains("guide Structured: class M2Structured", plan.ToString());
        Assert.Contains("// ==== M2.g.cs", emitted.ToString());
        var (sources, diagnostics) = ProbDslCodeGenerator.Generate(text, "m2.pdsl");
        Assert.Equal(sources.ToList(), emitted.Sources.ToList());
        Assert.Equal(diagnostics.ToList(), emitted.Diagnostics.ToList());
    }

    private static CompilationPlan Plan(string text, string path)
    {
        var plan = ProbDslCompiler.Plan(ProbDslCompiler.Check(ProbDslCompiler.Parse(text, path)));
        Assert.False(plan.HasErrors, plan.ToString());
        return plan;
    }
}
