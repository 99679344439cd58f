using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using ProbDsl.Cli;
using ProbDsl.Cli.Slurm;
using Xunit.Abstractions;

namespace ProbDsl.Slurm.Tests;

/// <summary>
/// The whole cycle against a real single-node Slurm: a job array of stand-ins for training runs (each epoch a line
/// in epochs.txt, resumed from the line count with --resume), followed to the end; one run cancelled mid-run with
/// scancel and resubmitted, which must continue where it stopped; one requeued as a pre-empted task would be, which
/// must resume too; and one that fails, listed with its log tail. Skipped where cluster.sh cannot start Slurm.
/// </summary>
[Collection(LocalClusterCollection.Name)]
public sealed class SlurmClusterTests(LocalCluster cluster, ITestOutputHelper log)
{
    private static readonly FollowSettings Settings = new() { PollInterval = TimeSpan.FromMilliseconds(500), Timeout = TimeSpan.FromSeconds(90) };

    private static readonly string FakeTrain = Paths.TestFile("Scripts", "fake-train.sh");

    private static SlurmTask Run(string root, string name, int epochs, double sleep, params string[] extra) =>
        new(name, Path.Combine(root, "runs", name),
            ["bash", FakeTrain, "--epochs", $"{epochs}", "--sleep", sleep.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra]);

    private static string[] Epochs(SlurmTask run) => File.ReadAllLines(Path.Combine(run.RunDirectory, "epochs.txt"));

    private SlurmClient Client() => new(new ProcessCommandRunner(cluster.Environment));

    private SlurmRunResult Submit(IReadOnlyList<SlurmTask> runs, string root, out string output)
    {
        var writer = new StringWriter();
        var runner = new SlurmRunner(Client(), new MarkerFileCompletion(), Settings);
        var result = runner.Run(new Terminal(writer, writer), runs, new SlurmJobOptions { JobName = "probdsl-test", CpusPerTask = 1, Time = "5" }, Path.Combine(root, "slurm"));
        output = writer.ToString();
        log.WriteLine(output);
        return result;
    }

    [SkippableFact]
    public void A_two_run_array_runs_both_to_the_end()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var root = Paths.NewTempDirectory("array");
        var runs = new[] { Run(root, "structured-seed1", 4, 0.3), Run(root, "meanfield-seed1", 4, 0.3) };

        var result = Submit(runs, root, out var output);

        Assert.True(result.AllFinished, output);
        foreach (var run in runs)
        {
            Assert.Equal(Enumerable.Range(1, 4).Select(e => $"epoch {e} attempt 1"), Epochs(run));
            var logPath = SbatchScript.RunLog(run.RunDirectory, result.Submission!.JobId, result.Views.Single(v => v.Task.Task.Name == run.Name).Task.Index);
            Assert.Contains("fake-train: finished", File.ReadAllText(logPath));
        }

        Assert.Contains($"Job {result.Submission!.JobId}: 2/2 finished", output);

        // Submitting the same comparison again finds nothing left to do.
        var again = Submit(runs, root, out var againOutput);
        Assert.Null(again.Submission);
        Assert.Contains("All 2 runs are finished; nothing to submit.", againOutput);
    }

    [SkippableFact]
    public void A_run_cancelled_mid_run_is_the_only_one_resubmitted_and_it_resumes_where_it_stopped()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var root = Paths.NewTempDirectory("cancel");
        const int epochs = 12;
        var runs = new[] { Run(root, "quick", 3, 0.2), Run(root, "long", epochs, 0.4) };
        var client = Client();
        var submitter = new SlurmSubmitter(client, new MarkerFileCompletion());
        var submission = submitter.SubmitUnfinished(runs, new SlurmJobOptions { JobName = "probdsl-test", CpusPerTask = 1 }, Path.Combine(root, "slurm"))!;

        // Cancel the long run once it has written a few epochs (scancel, as a user or a time limit would end it).
        var cancelledAfter = WaitForEpochs(runs[1], 3, TimeSpan.FromSeconds(60));
        client.Cancel(submission.JobId, 1);
        var writer = new StringWriter();
        var views = new ArrayFollower(client, new MarkerFileCompletion(), new PlainFollowDisplay(writer), Settings).Follow(submission);
        FailureReport.Write(writer, submission, views);
        log.WriteLine(writer.ToString());

        Assert.True(views[0].RunFinished, writer.ToString());
        Assert.Equal(TaskPhase.Cancelled, views[1].Phase);
        Assert.Contains($"--- {submission.JobId}_1 long: CANCELLED", writer.ToString());
        Assert.Contains("CANCELLED AT", writer.ToString()); // the scheduler's note, from the job directory's log
        var before = Epochs(runs[1]);
        Assert.InRange(before.Length, cancelledAfter, epochs - 1);
        var quickBefore = Epochs(runs[0]);

        // Resubmit the same comparison: only the cancelled run goes, under its old index, and resumes.
        var result = Submit(runs, root, out var output);

        Assert.NotNull(result.Submission);
        Assert.Equal([1], result.Submission.Tasks.Select(t => t.Index));
        Assert.Equal([0], result.Submission.AlreadyFinished.Select(t => t.Index));
        Assert.True(result.AllFinished, output);
        Assert.Equal(quickBefore, Epochs(runs[0]));
        var after = Epochs(runs[1]);
        var expected = Enumerable.Range(1, epochs).Select(e => $"epoch {e} attempt {(e <= before.Length ? 1 : 2)}");
        Assert.True(expected.SequenceEqual(after), $"the resubmitted run did not continue after epoch {before.Length} of its first attempt:\n{string.Join("\n", after)}");
        Assert.Contains($"fake-train: attempt 2, {before.Length} of {epochs} epochs done", File.ReadAllText(SbatchScript.RunLog(runs[1].RunDirectory, result.Submission.JobId, 1)));
    }

    [SkippableFact]
    public void A_run_requeued_by_the_scheduler_resumes_in_the_same_job()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var root = Paths.NewTempDirectory("requeue");
        const int epochs = 10;
        var runs = new[] { Run(root, "preempted", epochs, 0.4) };
        var client = Client();
        var submission = new SlurmSubmitter(client, new MarkerFileCompletion())
            .SubmitUnfinished(runs, new SlurmJobOptions { JobName = "probdsl-test", CpusPerTask = 1 }, Path.Combine(root, "slurm"))!;

        // What pre-emption with requeue does: the running task is killed and queued again, same job id and index.
        WaitForEpochs(runs[0], 2, TimeSpan.FromSeconds(60));
        Scontrol(cluster, "requeue", $"{submission.JobId}_0");
        var stopped = Epochs(runs[0]).Length;
        MakeEligibleNow(cluster, $"{submission.JobId}_0"); // Slurm holds a requeued job for 2 minutes (BeginTime)
        var writer = new StringWriter();
        var views = new ArrayFollower(client, new MarkerFileCompletion(), new PlainFollowDisplay(writer), Settings with { Timeout = TimeSpan.FromMinutes(3) }).Follow(submission);
        log.WriteLine(writer.ToString());

        Assert.True(views[0].RunFinished, writer.ToString());
        var lines = Epochs(runs[0]);
        Assert.Equal(epochs, lines.Length);
        Assert.All(lines.Select((line, i) => (line, i)), x => Assert.StartsWith($"epoch {x.i + 1} attempt ", x.line));
        Assert.Contains("attempt 2", lines[^1]); // it went on after the requeue ...
        Assert.StartsWith("epoch 1 attempt 1", lines[0]); // ... without starting over
        Assert.InRange(lines.Count(l => l.EndsWith("attempt 1", StringComparison.Ordinal)), stopped, stopped + 1);
        var taskLog = File.ReadAllText(SbatchScript.RunLog(runs[0].RunDirectory, submission.JobId, 0));
        Assert.Contains(", start 2, ", taskLog);
    }

    [SkippableFact]
    public void A_failing_run_is_listed_with_its_log_tail()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var root = Paths.NewTempDirectory("fail");
        var runs = new[] { Run(root, "fails", 4, 0.1, "--fail-at", "2") };

        var result = Submit(runs, root, out var output);

        Assert.False(result.AllFinished);
        Assert.Equal(TaskPhase.Failed, result.Views[0].Phase);
        Assert.Contains($"--- {result.Submission!.JobId}_0 fails: FAILED", output);
        Assert.Contains("    fake-train: failing at epoch 2 as asked", output);
    }

    private static int WaitForEpochs(SlurmTask run, int count, TimeSpan timeout)
    {
        var path = Path.Combine(run.RunDirectory, "epochs.txt");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (File.Exists(path) && File.ReadAllLines(path).Length is var n && n >= count)
            {
                return n;
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"{run.Name} did not write {count} epochs within {timeout.TotalSeconds} s");
    }

    private static void MakeEligibleNow(LocalCluster cluster, string task)
    {
        var runner = new ProcessCommandRunner(cluster.Environment);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var state = runner.Run("squeue", ["-h", "-t", "all", "-j", task, "-o", "%T|%r"])!.Output.Trim();
            if (state.StartsWith("PENDING", StringComparison.Ordinal))
            {
                Scontrol(cluster, "update", $"JobId={task}", "StartTime=now");
                return;
            }

            Thread.Sleep(200);
        }

        Assert.Fail($"{task} was not pending again within 30 s of its requeue");
    }

    private static void Scontrol(LocalCluster cluster, params string[] arguments)
    {
        var result = new ProcessCommandRunner(cluster.Environment).Run("scontrol", arguments);
        Assert.True(result is { ExitCode: 0 }, $"scontrol {string.Join(" ", arguments)}: {result?.Error}");
    }
}
