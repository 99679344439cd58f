using System.IO;
using System.Linq;
using Xunit.Abstractions;

namespace ProbDsl.Compare.Tests;

/// <summary>Two guides × one estimator × two seeds on the bars data: every run trains, the report has a row per variant.</summary>
public class CompareEndToEndTests : CompareFixture
{
    private readonly ITestOutputHelper _log;

    public CompareEndToEndTests(ITestOutputHelper log) => _log = log;

    private string[] Command => ["compare", Model, "--guides", "Structured,MeanField", "--infer", "y=enumerate", "--seeds", "0,1", "--epochs", "1", "--jobs", "2", "--out", Out, .. Data()];

    [Fact]
    public void ComparesEveryVariantOnTheSameSplitsAndWritesTheReport()
    {
        var (code, output, error) = Run(Command);
        _log.WriteLine(output + error);

        Assert.True(code == 0, error);
        string[] runs = ["Structured-enumerate-seed0", "MeanField-enumerate-seed0", "Structured-enumerate-seed1", "MeanField-enumerate-seed1"];
        foreach (var run in runs)
            Assert.Contains("\"finished\": true", File.ReadAllText(Path.Combine(RunDirectory(run), "run.json")));
        // The split follows the seed: both variants of a seed trained on the same rows.
        foreach (var seed in new[] { 0, 1 })
        {
            var splits = runs.Where(r => r.EndsWith($"seed{seed}")).Select(r => SplitLine(Path.Combine(RunDirectory(r), "train.log"))).Distinct().ToList();
            Assert.Equal($"40 labelled, 1040 unlabelled, 120 test rows (seed {seed})", Assert.Single(splits));
        }

        var markdown = File.ReadAllText(Path.Combine(Out, "report.md"));
        _log.WriteLine(markdown);
        var variantsSection = markdown[markdown.IndexOf("## Variants", System.StringComparison.Ordinal)..markdown.IndexOf("## Verdicts", System.StringComparison.Ordinal)];
        var variantRows = variantsSection.Split('\n').Where(l => l.StartsWith("| Structured / enumerate |") || l.StartsWith("| MeanField / enumerate |")).ToList();
        Assert.Equal(2, variantRows.Count);
        Assert.All(variantRows, row => Assert.Contains("| 2 of 2 |", row));
        Assert.Contains("Final test accuracy: ", markdown);
        Assert.Contains("seed spread", markdown);
        var html = File.ReadAllText(Path.Combine(Out, "report.html"));
        Assert.True(html.Split("data:image/png;base64,").Length - 1 >= 3, "at least three embedded plots");
        Assert.True(Directory.GetFiles(Path.Combine(Out, "plots"), "*.png").Length >= 3);

        // Phase 2: every run measured itself after its last epoch and during training; the report has their sections.
        foreach (var run in runs)
        {
            foreach (var file in new[] { "measures.json", "projection.csv", "samples.png", "gradient-variance.json" })
                Assert.True(File.Exists(Path.Combine(RunDirectory(run), file)), $"{run}/{file}");
        }
        foreach (var section in new[] { "## Gradient variance", "## Latent space and classifiers", "## Class-conditional samples" })
            Assert.Contains(section, markdown);
        var latentRows = markdown[markdown.IndexOf("## Latent space", System.StringComparison.Ordinal)..].Split('\n')
            .Where(l => l.StartsWith("| Structured / enumerate |") || l.StartsWith("| MeanField / enumerate |")).Take(2).ToList();
        Assert.Equal(2, latentRows.Count);
        Assert.All(latentRows, row => Assert.Matches(@"^\| [^|]+ \| z \[3\] \| [0-9.]+ ± [0-9.]+% \(n = 2\) \| [0-9.]+ ± [0-9.]+ nats \(n = 2\) \| [0-9.]+ ± [0-9.]+% \(n = 2\)", row));
        Assert.Contains("| Structured / enumerate | step 10 (end of epoch 1) |", markdown);
        var plots = Directory.GetFiles(Path.Combine(Out, "plots"), "*.png").Select(Path.GetFileName).ToList();
        Assert.Contains("gradient-variance.png", plots);
        Assert.Contains("projection-Structured-enumerate-seed0.png", plots);
        Assert.Contains("projection-MeanField-enumerate-seed0.png", plots);
        Assert.Contains("samples-Structured-enumerate-seed0.png", plots);
        Assert.Contains("samples-MeanField-enumerate-seed0.png", plots);
        Assert.True(html.Split("data:image/png;base64,").Length - 1 >= plots.Count, "every plot embedded");
        Assert.DoesNotContain("Not in this report yet", markdown);

        // The same command again finds every run finished and trains none.
        var before = runs.Select(r => File.ReadAllText(Path.Combine(RunDirectory(r), "run.json"))).ToList();
        var again = Run(Command);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("4 finished before (not trained again), 0 to resume, 0 to train", again.Output);
        Assert.Equal(before, runs.Select(r => File.ReadAllText(Path.Combine(RunDirectory(r), "run.json"))));
    }

    private static string SplitLine(string log)
    {
        var line = File.ReadLines(log).First(l => l.Contains(" labelled, "));
        return line[line.IndexOf("40 labelled", System.StringComparison.Ordinal)..].Trim();
    }
}
