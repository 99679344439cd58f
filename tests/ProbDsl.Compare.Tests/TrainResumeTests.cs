using System.IO;
using System.Linq;

namespace ProbDsl.Compare.Tests;

/// <summary>
/// <c>probdsl train --resume DIR</c> on a run directory without a checkpoint yet is a fresh start: a Slurm job script
/// passes <c>--resume</c> on every start of a task, the first included.
/// </summary>
public class TrainResumeTests : CompareFixture
{
    private string[] TrainData => ["--data", $"x={Images}", "--label", $"y={Labels}", "--labelled", "40", "--batch-size", "100", "--learning-rate", "0.01"];

    [Fact]
    public void ResumingFromADirectoryWithoutACheckpointStartsAFreshRun()
    {
        var run = Path.Combine(Root, "run");
        Directory.CreateDirectory(run);

        var (code, output, error) = Run(["train", Model, "--guide", "MeanField", "--epochs", "2", "--train-limit", "300", "--out", run, "--resume", run, .. TrainData]);

        Assert.True(code == 0, output + error);
        Assert.Contains($"--resume {run}: no checkpoint there yet; starting a fresh run.", error);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "epochs.csv")).Skip(1).Count());
        Assert.Contains("\"finished\": true", File.ReadAllText(Path.Combine(run, "run.json")));
    }

    [Fact]
    public void ADirectoryWithAnUnreadableCheckpointIsStillRefusedNotTrainedOver()
    {
        var run = Path.Combine(Root, "run");
        Directory.CreateDirectory(run);
        var first = Run(["train", Model, "--guide", "MeanField", "--epochs", "1", "--train-limit", "300", "--out", run, .. TrainData]);
        Assert.True(first.ExitCode == 0, first.Error);
        var checkpoint = Path.Combine(run, "model.bin");
        var bytes = File.ReadAllBytes(checkpoint);
        bytes[^1] ^= 0xFF; // damaged on disk: its SHA-256 no longer matches
        File.WriteAllBytes(checkpoint, bytes);

        var (code, _, error) = Run(["train", Model, "--guide", "MeanField", "--epochs", "1", "--train-limit", "300", "--out", run, "--resume", run, .. TrainData]);

        Assert.Equal(2, code);
        Assert.DoesNotContain("starting a fresh run", error);
    }
}
