using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProbDsl.Generators.Fluent;

namespace ProbDsl.Generators.Tests.Fluent;

/// <summary>
/// Editing another C# file does not change a [ProbModel] model's output. ForAttributeWithMetadataName runs the
/// transform again on a new compilation (its semantic model may differ), so the step is Unchanged rather than
/// Cached: its value compares equal, and nothing downstream is re-emitted.
/// </summary>
public class AttributeIncrementalTests
{
    [Fact]
    public void An_unrelated_edit_leaves_the_fluent_model_cached()
    {
        var compilation = AttributeHarness.Compilation(AttributeHarness.ExampleText("M2Fluent", "M2Definition.cs"));
        var driver = AttributeHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", path: "/src/Unrelated.cs"));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = run.TrackedSteps[ProbModelAttributeGenerator.CompileStep].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Contains(reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        var output = run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(output);
        Assert.All(output, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }
}
