using System.IO;

namespace ProbDsl.Compare.Tests;

/// <summary>
/// A run that finished without measures (trained before they existed) gets them from its train command again with
/// --resume: its checkpoint is at the last epoch, so nothing is trained and its results stay as they were.
/// </summary>
public class MeasuresOfAFinishedRunTests : CompareFixture
{
    [Fact]
    public void ResumingAFinishedRunMeasuresWithoutTraining()
    {
        var run = Path.Combine(Root, "run");
        string[] train = ["train", Model, "--guide", "MeanField", "--epochs", "1", "--labelled", "40", "--out", run,
            "--data", $"x={Images}", "--label", $"y={Labels}", "--batch-size", "100"];
        var first = Run(train);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("measures on 120 test rows: q(y|x) accuracy", first.Output);
        var epochs = File.ReadAllText(Path.Combine(run, "epochs.csv"));
        var measures = File.ReadAllText(Path.Combine(run, "measures.json"));
        foreach (var file in new[] { "measures.json", "projection.csv", "samples.png" })
            File.Delete(Path.Combine(run, file));

        var again = Run([.. train, "--resume", run]);

        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Equal(epochs, File.ReadAllText(Path.Combine(run, "epochs.csv")));
        foreach (var file in new[] { "measures.json", "projection.csv", "samples.png" })
            Assert.True(File.Exists(Path.Combine(run, file)), file);
        // The same weights and test rows: the same numbers (the bound's draws follow the run's seed).
        Assert.Equal(measures, File.ReadAllText(Path.Combine(run, "measures.json")));
    }
}
