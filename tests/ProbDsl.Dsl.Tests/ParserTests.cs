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
        Assert.Equal(2.3, model.Objective.Alpha);
    }
}
