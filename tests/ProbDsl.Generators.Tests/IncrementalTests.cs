using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProbDsl.Generators.Tests;

/// <summary>Editing C# code that has nothing to do with a .pdsl file does not recompile the model.</summary>
public class IncrementalTests
{
    [Fact]
    public void Unrelated_csharp_edit_leaves_the_compiled_model_cached()
    {
        var path = System.IO.Path.Combine(System.AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl");
        var driver = GeneratorHarness.CreateDriver((path, System.IO.File.ReadAllText(path)));
        var compilation = CSharpCompilation.Create("Incremental", new[] { CSharpSyntaxTree.ParseText("class A { }") });
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var steps = run.TrackedSteps[StepNames.Compile].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }
}
