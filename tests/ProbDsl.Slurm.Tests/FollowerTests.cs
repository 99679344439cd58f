using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProbDsl.Cli;
using ProbDsl.Cli.Slurm;

namespace ProbDsl.Slurm.Tests;

/// <summary>Submitting, following and reporting against a scripted scheduler (no Slurm needed).</summary>
public sealed class FollowerTests
{
    private static readonly FollowSettings Fast = new() { PollInterval = TimeSpan.Zero, LostAfterPolls = 2 };

    private static List<SlurmTask> Runs(string root, int count) =>
        Enumerable.Range(0, count).Select(i => new SlurmTask($"run{i}", Path.Combine(root, $"run{i}"), ["train", $"--seed={i}"])).ToList();

    private static (SlurmRunResult Result, string Output) Run(FakeSlurm slurm, IReadOnlyList<SlurmTask> runs, string root)
    {
        var output = new StringWriter();
        var terminal = new Terminal(output, output);
        var runner = new SlurmRunner(new SlurmClient(slurm), new MarkerFileCompletion(), Fast);
        var result = runner.Run(terminal, runs, new SlurmJobOptions(), Path.Combine(root, "slurm"));
        return (result, output.ToString());
    }

    [Fact]
    public void Runs_that_finish_are_reported_finished_with_one_plain_line_per_change()
    {
        var root = Paths.NewTempDirectory("follow");
        var runs = Runs(root, 2);
        var slurm = new FakeSlurm("77", "77_0|PENDING\n77_1|PENDING\n", "77_0|RUNNING\n77_1|PENDING\n", "77_0|COMPLETED\n77_1|COMPLETED\n")
        {
            OnPoll = poll =>
            {
                if (poll == 2)
                {
                    runs.ForEach(r => File.WriteAllText(Path.Combine(r.RunDirectory, "finished"), ""));
                }
            },
        };

        var (result, output) = Run(slurm, runs, root);

        Assert.True(result.AllFinished, output);
        Assert.Equal("77", result.Submission!.JobId);
        Assert.Contains("slurm 77_0 run0: pending", output);
        Assert.Contains("slurm 77_0 run0: running", output);
        Assert.Contains("slurm 77_1 run1: completed", output);
        Assert.Equal(1, output.Split('\n').Count(l => l.StartsWith("slurm 77_0 run0: running", StringComparison.Ordinal)));
        Assert.Contains("Job 77: 2/2 finished, 0 running, 0 pending, 0 failed or cancelled.", output);
    }

    [Fact]
    public void A_failed_and_a_cancelled_run_are_listed_with_their_log_tails()
    {
        var root = Paths.NewTempDirectory("follow");
        var runs = Runs(root, 3);
        var slurm = new FakeSlurm("9", "9_0|RUNNING\n9_1|RUNNING\n9_2|RUNNING\n", "9_0|FAILED\n9_1|CANCELLED by 0\n9_2|COMPLETED\n")
        {
            OnPoll = poll =>
            {
                if (poll == 1)
                {
                    File.WriteAllText(Path.Combine(runs[2].RunDirectory, "finished"), "");
                    File.WriteAllLines(Path.Combine(runs[0].RunDirectory, "slurm-9_0.log"), Enumerable.Range(1, 30).Select(i => $"line {i}").Append("Error: out of patience"));
                    File.WriteAllText(Path.Combine(root, "slurm", "slurm-9_1.log"), "slurmstepd: error: *** JOB 10 ON vm CANCELLED AT 2026-11-30T15:31:36 ***\n");
                }
            },
        };

        var (result, output) = Run(slurm, runs, root);

        Assert.False(result.AllFinished);
        Assert.Contains("2 of 3 runs in job 9 ended without finishing:", output);
        Assert.Contains($"--- 9_0 run0: FAILED, run directory {runs[0].RunDirectory}", output);
        Assert.Contains("    Error: out of patience", output);
        Assert.Contains("    line 30", output);
        Assert.DoesNotContain("    line 10\n", output); // the tail only
        Assert.Contains("--- 9_1 run1: CANCELLED by 0", output);
        Assert.Contains("CANCELLED AT 2026-11-30T15:31:36", output);
        Assert.DoesNotContain("--- 9_2", output);
    }

    [Fact]
    public void A_run_that_exits_0_without_finishing_is_unfinished()
    {
        var root = Paths.NewTempDirectory("follow");
        var (result, output) = Run(new FakeSlurm("5", "5_0|COMPLETED\n"), Runs(root, 1), root);

        Assert.False(result.AllFinished);
        Assert.Contains("exited 0 but its run is not finished", output);
        Assert.Contains("--- 5_0 run0: COMPLETED", output);
    }

    [Fact]
    public void A_task_gone_from_squeue_is_completed_if_its_run_finished_and_lost_if_not()
    {
        var root = Paths.NewTempDirectory("follow");
        var runs = Runs(root, 2);
        var slurm = new FakeSlurm("6", "6_0|RUNNING\n6_1|RUNNING\n", "")
        {
            OnPoll = poll =>
            {
                if (poll == 1)
                {
                    File.WriteAllText(Path.Combine(runs[0].RunDirectory, "finished"), "");
                }
            },
        };

        var (result, output) = Run(slurm, runs, root);

        Assert.Equal([TaskPhase.Completed, TaskPhase.Lost], result.Views.Select(v => v.Phase));
        Assert.Contains("--- 6_1 run1: not in squeue or sacct", output);
    }

    [Fact]
    public void A_task_requeued_after_preemption_is_followed_on_not_given_up()
    {
        var root = Paths.NewTempDirectory("follow");
        var runs = Runs(root, 1);
        var slurm = new FakeSlurm("8", "8_0|RUNNING\n", "8_0|PREEMPTED\n", "8_0|PENDING\n", "8_0|RUNNING\n", "8_0|COMPLETED\n")
        {
            OnPoll = poll =>
            {
                if (poll == 4)
                {
                    File.WriteAllText(Path.Combine(runs[0].RunDirectory, "finished"), "");
                }
            },
        };

        var (result, output) = Run(slurm, runs, root);

        Assert.True(result.AllFinished, output);
        Assert.Contains("slurm 8_0 run0: failed (PREEMPTED)", output);
    }

    [Fact]
    public void Resubmission_submits_only_the_unfinished_runs_with_their_indices()
    {
        var root = Paths.NewTempDirectory("follow");
        var runs = Runs(root, 3);
        foreach (var finished in new[] { runs[0], runs[2] })
        {
            Directory.CreateDirectory(finished.RunDirectory);
            File.WriteAllText(Path.Combine(finished.RunDirectory, "finished"), "");
        }

        var submission = new SlurmSubmitter(new SlurmClient(new FakeSlurm("12")), new MarkerFileCompletion())
            .SubmitUnfinished(runs, new SlurmJobOptions(), Path.Combine(root, "slurm"));

        Assert.NotNull(submission);
        Assert.Equal([1], submission.Tasks.Select(t => t.Index));
        Assert.Equal([0, 2], submission.AlreadyFinished.Select(t => t.Index));
        var script = File.ReadAllText(submission.ScriptPath);
        Assert.Contains("#SBATCH --array=1\n", script);
        Assert.DoesNotContain("run0", script);
    }

    [Fact]
    public void A_recorded_job_still_running_is_followed_again_and_an_ended_one_is_not()
    {
        var root = Paths.NewTempDirectory("reattach");
        var runs = Runs(root, 2);
        var jobDirectory = Path.Combine(root, "slurm");
        Directory.CreateDirectory(jobDirectory);
        new JobRecord("5", Path.Combine(jobDirectory, "x.sbatch"), DateTime.UtcNow, [new JobRecordTask(1, "run1", runs[1].RunDirectory)]).Write(jobDirectory);
        var running = new FakeSlurm("6", "5_1|RUNNING\n", "5_1|COMPLETED\n")
        {
            OnPoll = poll =>
            {
                if (poll == 1)
                {
                    File.WriteAllText(Path.Combine(runs[1].RunDirectory, "finished"), "");
                }
            },
        };
        Directory.CreateDirectory(runs[1].RunDirectory);

        var (result, output) = Run(running, runs, root);

        Assert.Equal(0, running.Submissions);
        Assert.True(result.Reattached);
        Assert.Equal([1], result.Views.Select(v => v.Task.Index));
        Assert.Contains("Job array 5 is still in the queue from an earlier submission: following it again (1 runs)", output);

        // Job 5 has ended: the next run submits what is left (run0) as a new job.
        var ended = new FakeSlurm("7", "5_1|COMPLETED\n", "7_0|RUNNING\n");
        var submission = new SlurmRunner(new SlurmClient(ended), new MarkerFileCompletion(), Fast).ActiveJob(jobDirectory, runs);
        Assert.Null(submission);
    }

    [Theory]
    [InlineData("PENDING", true)]
    [InlineData("PREEMPTED", false)]
    public void A_recorded_task_shown_preempted_is_looked_at_again_before_the_job_counts_as_ended(string secondLook, bool active)
    {
        var root = Paths.NewTempDirectory("preempted");
        var runs = Runs(root, 1);
        var jobDirectory = Path.Combine(root, "slurm");
        Directory.CreateDirectory(jobDirectory);
        new JobRecord("5", Path.Combine(jobDirectory, "x.sbatch"), DateTime.UtcNow, [new JobRecordTask(0, "run0", runs[0].RunDirectory)]).Write(jobDirectory);
        var slurm = new FakeSlurm("6", "5_0|PREEMPTED\n", $"5_0|{secondLook}\n");

        var submission = new SlurmRunner(new SlurmClient(slurm), new MarkerFileCompletion(), Fast).ActiveJob(jobDirectory, runs);

        Assert.Equal(active, submission is not null);
        Assert.Equal(2, slurm.Calls.Count(c => c.StartsWith("squeue", StringComparison.Ordinal)));
    }

    [Fact]
    public void When_every_run_is_finished_nothing_is_submitted()
    {
        var root = Paths.NewTempDirectory("follow");
        var runs = Runs(root, 2);
        runs.ForEach(r => { Directory.CreateDirectory(r.RunDirectory); File.WriteAllText(Path.Combine(r.RunDirectory, "finished"), ""); });
        var slurm = new FakeSlurm("1");

        var (result, output) = Run(slurm, runs, root);

        Assert.Null(result.Submission);
        Assert.Equal(0, slurm.Submissions);
        Assert.Contains("All 2 runs are finished; nothing to submit.", output);
    }

    [Fact]
    public void Without_sbatch_on_path_the_error_says_slurm_is_not_found_and_what_to_do()
    {
        var root = Paths.NewTempDirectory("follow");
        var slurm = new FakeSlurm("1") { Missing = ["sbatch"] };

        var error = Assert.Throws<UserError>(() => Run(slurm, Runs(root, 1), root));

        Assert.StartsWith("Slurm not found: sbatch is not on PATH; ", error.Message);
        Assert.Contains("tests/slurm/cluster.sh start", error.Message);
    }

    [Fact]
    public void The_real_runner_reports_a_program_missing_from_path_as_null()
    {
        Assert.Null(new ProcessCommandRunner().Run("probdsl-no-such-program-on-path", []));
        Assert.Equal(0, new ProcessCommandRunner(new Dictionary<string, string> { ["X_SLURM_TEST"] = "yes" })
            .Run("bash", ["-c", "test \"$X_SLURM_TEST\" = yes"])!.ExitCode);
    }

    [Theory]
    [InlineData("PENDING", "Pending")]
    [InlineData("REQUEUED", "Pending")]
    [InlineData("RUNNING", "Running")]
    [InlineData("COMPLETING", "Running")]
    [InlineData("COMPLETED", "Completed")]
    [InlineData("CANCELLED by 0", "Cancelled")]
    [InlineData("CANCELLED+", "Cancelled")]
    [InlineData("TIMEOUT", "Failed")]
    [InlineData("OUT_OF_MEMORY", "Failed")]
    [InlineData("NODE_FAIL", "Failed")]
    [InlineData("SOMETHING_NEW", "Pending")]
    public void Slurm_states_fold_into_phases(string state, string phase) => Assert.Equal(phase, TaskPhases.FromSlurm(state).ToString());

    [Fact]
    public void Queue_output_is_read_per_array_task_including_unsplit_pending_ranges()
    {
        var parsed = QueueParser.Parse("31_[2-4,7%2]|PENDING\n31_0|RUNNING\n31_1|COMPLETED\n310_1|RUNNING\n32|RUNNING\ngarbage\n", "31");

        Assert.Equal(
            ["0:Running", "1:Completed", "2:Pending", "3:Pending", "4:Pending", "7:Pending"],
            parsed.OrderBy(s => s.Index).Select(s => $"{s.Index}:{s.Phase}"));
    }
}

/// <summary>The live display (Spectre.Console progress bars) on an interactive console, rendered into a string.</summary>
public sealed class LiveDisplayTests
{
    [Fact]
    public void The_live_display_shows_a_bar_per_run_with_its_state()
    {
        var root = Paths.NewTempDirectory("live");
        var runs = Enumerable.Range(0, 2).Select(i => new SlurmTask($"run{i}", Path.Combine(root, $"run{i}"), ["train"])).ToList();
        var slurm = new FakeSlurm("21", "21_0|RUNNING\n21_1|PENDING\n", "21_0|COMPLETED\n21_1|FAILED\n")
        {
            OnPoll = poll =>
            {
                if (poll == 1)
                {
                    File.WriteAllText(Path.Combine(runs[0].RunDirectory, "finished"), "");
                }
            },
        };
        var client = new SlurmClient(slurm);
        var submission = new SlurmSubmitter(client, new MarkerFileCompletion()).SubmitUnfinished(runs, new SlurmJobOptions(), Path.Combine(root, "slurm"))!;
        var output = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
            Ansi = Spectre.Console.AnsiSupport.Yes,
            Interactive = Spectre.Console.InteractionSupport.Yes,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
        });

        var views = new SlurmRunner(client, new MarkerFileCompletion(), new FollowSettings { PollInterval = TimeSpan.Zero })
            .FollowLive(console, submission);

        Assert.Equal(["Completed", "Failed"], views.Select(v => v.Phase.ToString()));
        var text = output.ToString();
        Assert.Contains("21_0 run0: completed", text);
        Assert.Contains("21_1 run1: failed", text);
        Assert.Contains("100%", text);
    }
}
