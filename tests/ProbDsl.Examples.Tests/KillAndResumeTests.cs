using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Training;
using Xunit.Abstractions;

namespace ProbDsl.Examples.Tests;

/// <summary>
/// Resume exactly (issue #10): a training run killed with SIGKILL at random moments — mid-step, mid-save, during
/// evaluation — and resumed each time with --resume DIR ends with the same numbers, bit for bit, as a run never
/// interrupted. The child is the ResumeProbe: the examples' own command line and run loop (examples/Common) on a toy
/// model with every kind of state (sampled latent, REINFORCE baseline, labelled cursor, dynamic binarisation).
/// </summary>
public sealed class KillAndResumeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly string[] Run = ["--epochs", "3", "--batch-size", "10", "--labelled-batch-size", "5", "--threads", "1", "--seed", "7"];
    private const string TrainingStarts = "labelled, 1500 unlabelled";

    private readonly string _directory = Directory.CreateTempSubdirectory("probdsl-kill-").FullName;
    private readonly ITestOutputHelper _log;

    public KillAndResumeTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_run_killed_at_random_points_and_resumed_each_time_ends_with_the_numbers_of_an_uninterrupted_run()
    {
        var clock = Stopwatch.StartNew();
        var reference = Path.Combine(_directory, "reference", "probe.ckpt");
        RunToEnd([.. Run, "--checkpoint", reference]);
        var expected = Checkpoint.ReadReports(reference);
        _log.WriteLine($"uninterrupted run: {clock.Elapsed.TotalSeconds:F1} s");

        var interrupted = Path.Combine(_directory, "interrupted");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        _log.WriteLine($"kill delays drawn with seed {seed}");
        var resumes = 0;
        for (var kill = 1; kill <= 5; kill++)
        {
            var resuming = Directory.Exists(interrupted) && Directory.EnumerateFiles(interrupted, "probe.ckpt*").Any();
            resumes += resuming ? 1 : 0;
            using var child = ChildProcess.Start(_directory, TrainingStarts, [.. Run, "--checkpoint-every", "7", .. Where(interrupted, resuming)]);
            Assert.True(child.WaitForTraining(Patience), child.Output);
            var delay = random.Next(100, 1200);
            System.Threading.Thread.Sleep(delay);
            var killed = child.Kill();
            _log.WriteLine($"kill {kill}: {(killed ? $"SIGKILL {delay} ms into training" : "finished before the kill")}; " +
                $"{(resuming ? "resumed" : "fresh")}; newest checkpoint now {Describe(Path.Combine(interrupted, "probe.ckpt"))}");
        }
        RunToEnd([.. Run, "--checkpoint-every", "7", "--resume", interrupted]);
        resumes++;

        var actual = Checkpoint.ReadReports(Path.Combine(interrupted, "probe.ckpt"));
        _log.WriteLine($"total {clock.Elapsed.TotalSeconds:F1} s; {resumes} resumes");
        foreach (var (e, a) in expected.Zip(actual))
            _log.WriteLine($"epoch {e.Epoch}: loss {e.TrainLoss:R} / {a.TrainLoss:R}, test ELBO {e.TestElbo:R} / {a.TestElbo:R}, accuracy {e.TestAccuracy:R} / {a.TestAccuracy:R}");
        Assert.True(resumes >= 3, $"only {resumes} resumes: the kills came too early to test resuming");
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.Epoch, a.Epoch);
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.TrainLoss), BitConverter.DoubleToInt64Bits(a.TrainLoss));
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.TestElbo), BitConverter.DoubleToInt64Bits(a.TestElbo));
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.TestError), BitConverter.DoubleToInt64Bits(a.TestError));
        }
        Assert.Empty(Directory.GetFiles(interrupted, ".*.tmp")); // a save killed midway leaves one; the next save removes it
    }

    private static IEnumerable<string> Where(string directory, bool resuming) =>
        resuming ? ["--resume", directory] : ["--checkpoint", Path.Combine(directory, "probe.ckpt")];

    private void RunToEnd(string[] args)
    {
        using var child = ChildProcess.Start(_directory, TrainingStarts, args);
        var exit = child.WaitForExit(Patience);
        Assert.True(exit == 0, $"exit {exit}:\n{child.Output}");
    }

    private static string Describe(string path)
    {
        if (!File.Exists(path))
            return "none";
        var progress = Checkpoint.ReadProgress(path);
        return progress.StepsDoneInEpoch is int steps
            ? $"epoch {progress.Epoch}, {steps} steps into it (step {progress.GlobalStep} of the run)"
            : $"end of epoch {progress.Epoch - 1} (step {progress.GlobalStep} of the run)";
    }
}
