using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ProbDsl.Generators.Tests.Fluent;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>The fuzzer's oracle catches what it is there for, shown on generators that misbehave on purpose.</summary>
public class GeneratorOracleTests
{
    /// <summary>Adds two files whose hint names differ only by case, as colliding model names once did (CS8785).</summary>
    private sealed class DuplicateHints : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.AdditionalTextsProvider.Collect(), static (output, _) =>
            {
                output.AddSource("Dup.g.cs", "// one");
                output.AddSource("dup.g.cs", "// two");
            });
    }

    /// <summary>Reports an error in a .pdsl file at line 2 while its offset is on line 1.</summary>
    private sealed class WrongLine : IIncrementalGenerator
    {
#pragma warning disable RS2008 // release tracking is for shipped analyzers, not a test's throwaway rule
        private static readonly DiagnosticDescriptor Error = new("TEST01", "t", "t", "t", DiagnosticSeverity.Error, true);
#pragma warning restore RS2008

        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.AdditionalTextsProvider, static (output, file) =>
                output.ReportDiagnostic(Diagnostic.Create(Error, Location.Create(file.Path, new TextSpan(1, 1),
                    new LinePositionSpan(new LinePosition(1, 0), new LinePosition(1, 1))))));
    }

    private static Finding[] Check(IIncrementalGenerator generator)
    {
        var input = FuzzInput.OfPdsl(new FuzzFile("/m/a.pdsl", "ab\ncd"));
        var driver = GeneratorHarness.CreateDriver(new[] { generator.AsSourceGenerator() }, ImmutableDictionary<string, string>.Empty, new[] { ("/m/a.pdsl", "ab\ncd") });
        var run = driver.RunGenerators(AttributeHarness.Compilation(System.Array.Empty<SyntaxTree>())).GetRunResult();
        return GeneratorOracle.Check(input, new FuzzBuild(run, ImmutableArray<SyntaxTree>.Empty)).ToArray();
    }

    [Fact]
    public void A_generator_that_crashes_on_a_duplicate_hint_name_is_found()
    {
        var findings = Check(new DuplicateHints());

        Assert.Contains(findings, f => f.Oracle == "generator exception" && f.Message.Contains("must be unique"));
        Assert.Contains(findings, f => f.Oracle == "generator failure" && f.Message.StartsWith("CS8785"));
    }

    [Fact]
    public void An_error_whose_line_is_not_its_offsets_is_found()
    {
        var finding = Assert.Single(Check(new WrongLine()));

        Assert.Equal("mislocated error", finding.Oracle);
    }
}
