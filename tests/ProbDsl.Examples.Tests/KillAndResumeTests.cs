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

    /// <summary>3 epochs of 1500 unlabelled examples in batches of 10.</summary>
    private const int StepsInRun = 450;

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

        // Kill points spread over the run: each child is killed once its newest checkpoint has passed a random step
        // (drawn over the whole run, sorted), plus a random 0-40 ms, so kills land mid-step, mid-save or mid-evaluation
        // in every epoch, whatever the machine's speed.
        var interrupted = Path.Combine(_directory, "interrupted");
        var newest = Path.Combine(interrupted, "probe.ckpt");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var targets = Enumerable.Range(0, 5).Select(_ => random.Next(1, StepsInRun)).Order().ToArray();
        _log.WriteLine($"kill points drawn with seed {seed}: after steps {string.Join(", ", targets)} of {StepsInRun}");
        var (resumes, kills) = (0, 0);
        foreach (var target in targets)
        {
            var resuming = File.Exists(newest);
            resumes += resuming ? 1 : 0;
            using var child = ChildProcess.Start(_directory, TrainingStarts, [.. Run, "--checkpoint-every", "7", .. Where(interrupted, resuming)]);
            Assert.True(child.WaitForTraining(Patience), child.Output);
            WaitUntil(() => Step(newest) >= target || child.HasExited);
            System.Threading.Thread.Sleep(random.Next(0, 40));
            var killed = child.Kill();
            kills += killed ? 1 : 0;
            _log.WriteLine($"{(killed ? "SIGKILL" : "finished before the kill")} after step {target}; {(resuming ? "resumed" : "fresh")}; newest checkpoint now {Describe(newest)}");
        }
        RunToEnd([.. Run, "--checkpoint-every", "7", "--resume", interrupted]);
        resumes++;

        var actual = Checkpoint.ReadReports(Path.Combine(interrupted, "probe.ckpt"));
        _log.WriteLine($"total {clock.Elapsed.TotalSeconds:F1} s; {kills} kills, {resumes} resumes");
        foreach (var (e, a) in expected.Zip(actual))
            _log.WriteLine($"epoch {e.Epoch}: loss {e.TrainLoss:R} / {a.TrainLoss:R}, test ELBO {e.TestElbo:R} / {a.TestElbo:R}, accuracy {e.TestAccuracy:R} / {a.TestAccuracy:R}");
        Assert.True(kills >= 3 && resumes >= 3, $"{kills} kills and {resumes} resumes: too few to test resuming");
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.Epoch, a.Epoch);
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.TrainLoss), BitConverter.DoubleToInt64Bits(a.TrainLoss));
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.TestElbo ?? double.NaN), BitConverter.DoubleToInt64Bits(a.TestElbo ?? double.NaN));
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

    private static void WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, "the run made no progress");
            System.Threading.Thread.Sleep(2);
        }
    }

    /// <summary>The step of the run the newest checkpoint was taken at; -1 before there is one.</summary>
    private static long Step(string path)
    {
        try
        {
            return File.Exists(path) ? Checkpoint.ReadProgress(path).GlobalStep : -1;
        }
        catch (CheckpointException)
        {
            return -1; // replaced while read: asked again 2 ms later
        }
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
