using System.Collections.Generic;
using System.Linq;
using ProbDsl.Cli.Compare;

namespace ProbDsl.Compare.Tests;

/// <summary>The report's statistics and sentences on numbers made up here, checked against values worked by hand.</summary>
public class ReportNumbersTests
{
    [Fact]
    public void SpreadIsTheMeanAndTheSampleStandardDeviation()
    {
        var spread = Spread.Of([90, 92, 94]);

        Assert.Equal(92, spread.Mean, 12);
        Assert.Equal(2, spread.Sd, 12); // sqrt((4 + 0 + 4) / 2)
        Assert.Equal(3, spread.N);
        Assert.False(Spread.Of([91]).HasSd);
    }

    [Fact]
    public void WelchTDividesTheDifferenceByItsStandardError()
    {
        var a = Spread.Of([90, 92, 94]); // mean 92, sd 2
        var b = Spread.Of([86, 89, 92]); // mean 89, sd 3

        // (92 − 89) / sqrt(4/3 + 9/3) = 3 / sqrt(13/3)
        Assert.Equal(3 / System.Math.Sqrt(13.0 / 3), Spread.WelchT(a, b), 12);
        Assert.True(double.IsNaN(Spread.WelchT(a, Spread.Of([80]))));
    }

    [Fact]
    public void AVerdictSaysWhetherTheLeadExceedsTheSeedSpread()
    {
        var clear = Results(("Structured", [0.10, 0.11, 0.12]), ("MeanField", [0.20, 0.21, 0.22])); // errors: 89% vs 79%
        var unclear = Results(("Structured", [0.10, 0.15, 0.20]), ("MeanField", [0.12, 0.16, 0.21]));

        var clearAccuracy = Verdicts.For(clear).First(v => v.StartsWith("Final test accuracy"));
        var unclearAccuracy = Verdicts.For(unclear).First(v => v.StartsWith("Final test accuracy"));

        Assert.Contains("Structured / enumerate is best with 89.00 ± 1.00% (n = 3)", clearAccuracy);
        Assert.Contains("by 10.00 points, which exceeds the seed spread (larger sd 1.00 points; Welch t = 12.25)", clearAccuracy);
        Assert.Contains("which is within the seed spread", unclearAccuracy);
        Assert.Contains("not a clear difference", unclearAccuracy);
    }

    [Fact]
    public void WithOneSeedTheSpreadIsUnknown()
    {
        var verdict = Verdicts.For(Results(("Structured", [0.10]), ("MeanField", [0.20]))).First();

        Assert.Contains("the seed spread is unknown", verdict);
    }

    [Fact]
    public void UnfinishedRunsHaveNoFinalNumbers()
    {
        var results = Results(("Structured", [0.10, 0.12]), ("MeanField", [0.20]));
        var unfinished = results with
        {
            Variants = results.Variants.Select(v => v with { Runs = v.Runs.Select((r, i) => i == 0 ? r : r with { State = RunState.Resumable }).ToList() }).ToList(),
        };

        Assert.Equal(1, unfinished.Variants[0].Final(Measure.Accuracy).N);
    }

    [Theory]
    [InlineData("y=enumerate,relax(tau: 1.0 -> 0.5, hard)", new[] { "y=enumerate", "y=relax(tau: 1.0 -> 0.5, hard)" })]
    [InlineData("y=reinforce(baseline: learned)", new[] { "y=reinforce(baseline: learned)" })]
    public void StrategiesSplitAtTopLevelCommas(string option, string[] expected) =>
        Assert.Equal(expected, ListOption.Strategies("--infer", option));

    [Theory]
    [InlineData("y=relax(hard)", "Structured-relax-hard-seed2")]
    [InlineData("y=relax(tau: 1.0 -> 0.5, hard)", "Structured-relax-tau-1.0-0.5-hard-seed2")]
    [InlineData(null, "Structured-declared-seed2")]
    public void RunNamesCanNameADirectory(string? infer, string expected) =>
        Assert.Equal(expected, new Variant("Structured", infer).RunName(2));

    /// <summary>A measure no finished run can give shows the reason; one a run gives is aggregated as mean ± sd.</summary>
    [Fact]
    public void AMeasureAModelCannotGiveIsNotAvailableWithItsReason()
    {
        var results = Results(("Classes", [0.1, 0.2]), ("Structured", [0.1, 0.2]));
        var withoutLatent = new Cli.Measures.RunMeasures { Rows = 10, GenerativeAccuracy = 0.5, NotAvailable = new() { ["knn_accuracy"] = "the guide has no continuous latent" } };
        var classes = results.Variants[0] with { Runs = results.Variants[0].Runs.Select(r => r with { Measures = withoutLatent }).ToList() };
        var structured = results.Variants[1] with { Runs = results.Variants[1].Runs.Select((r, i) => r with { Measures = new Cli.Measures.RunMeasures { KnnAccuracy = 0.8 + 0.1 * i } }).ToList() };

        Assert.Equal("n/a: the guide has no continuous latent", Measure.KnnAccuracy.Show(classes));
        Assert.Equal("50.00 ± 0.00% (n = 2)", Measure.GenerativeAccuracy.Show(classes));
        Assert.Equal("85.00 ± 7.07% (n = 2)", Measure.KnnAccuracy.Show(structured));
        // A run finished before train measured has no measures.json: said so, not shown as a number.
        Assert.StartsWith("n/a: no measures.json", Measure.MutualInformation.Show(results.Variants[1]));
    }

    /// <summary>One finished one-epoch run per test error given, per guide, all with y enumerated.</summary>
    private static ComparisonResults Results(params (string Guide, double[] Errors)[] variants)
    {
        var manifest = new ComparisonManifest("m.pdsl", new string('0', 64), 1, 100, [], []);
        var grouped = variants.Select(v =>
        {
            var variant = new Variant(v.Guide, "y=enumerate");
            IReadOnlyList<RunRecord> runs = v.Errors.Select((error, seed) => new RunRecord(
                new ManifestRun(variant.RunName(seed), v.Guide, variant.Infer, seed), RunState.Finished,
                [new EpochRecord(1, -100, 1 - error, 10)], "")).ToList();
            return new VariantResults(variant, runs);
        }).ToList();
        return new ComparisonResults(manifest, grouped);
    }
}
