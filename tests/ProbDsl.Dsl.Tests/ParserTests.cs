using System.IO;
using System.Linq;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Tests;

public class ParserTests
{
    [Fact]
    public void M2_example_parses_and_validates_cleanly()
    {
        var path = Path.Combine("Examples", "M2Mnist", "m2.pdsl");
        var result = PdslCompiler.Compile(File.ReadAllText(path), path);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Dsl.Diagnostics.DslSeverity.Info);
        var model = Assert.Single(result.Value!.Models);
        Assert.Equal("M2", model.Name);
        Assert.Equal(new[] { "x", "y", "z" }, model.Variables.Select(v => v.Name));
        Assert.Equal(VariableRole.Label, model.FindVariable("y")!.Role);
        Assert.Equal(10, model.FindVariable("y")!.Size);
        var encoder = model.FindNet("encoder")!;
        Assert.Equal(new[] { "x", "y" }, encoder.Inputs);
        Assert.Equal(new[] { 500 }, encoder.Hidden);
        Assert.Equal(HeadTransform.Softplus, encoder.Heads[1].Transform);
        Assert.Equal(new[] { "Structured", "MeanField" }, model.Guides.Select(g => g.Name));
        Assert.Equal("q(z|x,y) q(y|x)", model.Guides[0].Factorisation);
        Assert.Equal("q(z|x) q(y|x)", model.Guides[1].Factorisation);
        Assert.Equal(ObjectiveKind.SemiSupervised, model.Objective.Kind);
        Assert.Equal(5, model.Objective.Alpha);
    }

    [Fact]
    public void Relax_with_options_and_defaults_parses()
    {
        const string model = "model M { label y : Categorical[3] infer y by relax(tau: 2 -> 0.25, rate: 1e-4, every: 100, hard) }\n"
            + "model N { label y : Categorical[3] infer y by relax }";

        var program = Parsing.PdslParser.Parse(model, "r.pdsl").Value!;

        Assert.Equal(new RelaxationIr(2, 0.25, 1e-4, 100, true), program.Models[0].Inference[0].Relaxation);
        Assert.Equal(InferenceStrategy.Relax, program.Models[1].Inference[0].Strategy);
        Assert.Equal(RelaxationIr.Default, program.Models[1].Inference[0].Relaxation);
    }

    [Fact]
    public void Relax_options_are_validated()
    {
        const string model = "model M { label y : Categorical[3] infer y by relax(tau: 0.5 -> 1.0, every: 0) }";

        var ids = PdslCompiler.Compile(model, "r.pdsl").Diagnostics.Where(d => d.Id == "PDSL0405").Select(d => d.Message).ToList();

        Assert.Equal(2, ids.Count);
        Assert.Contains(ids, m => m.Contains("minimum <= start"));
    }

    [Fact]
    public void Reinforce_with_options_and_defaults_parses()
    {
        const string model = "model M { label y : Categorical[3] infer y by reinforce(baseline: none, decay: 0.5) }\n"
            + "model N { label y : Categorical[3] infer y by reinforce }";

        var program = Parsing.PdslParser.Parse(model, "r.pdsl").Value!;

        Assert.Equal(new ReinforceIr(BaselineKind.None, 0.5), program.Models[0].Inference[0].Reinforce);
        Assert.Equal(ReinforceIr.Default, program.Models[1].Inference[0].Reinforce);
        var later = Parsing.PdslParser.Parse("model L { label y : Categorical[3] infer y by reinforce(baseline: none, baseline: average) }", "l.pdsl");
        Assert.Equal(BaselineKind.Average, later.Value!.Models[0].Inference[0].Reinforce!.Baseline); // later options win
        Assert.Contains(PdslCompiler.Compile("model M { label y : Categorical[3] infer y by reinforce(decay: 1.5) }", "r.pdsl").Diagnostics,
            d => d.Id == "PDSL0406");
    }
}
