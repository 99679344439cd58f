using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Spectre.Console;

namespace ProbDsl.Cli.Slurm;

/// <summary>
/// How a submission ended: the job (null when every run was already finished) and the last view of each task.
/// <paramref name="Reattached"/>: the job was one submitted earlier and still in the queue, followed again.
/// </summary>
internal sealed record SlurmRunResult(Submission? Submission, IReadOnlyList<TaskView> Views, bool Reattached = false)
{
    /// <summary>Every run of the comparison is finished (those skipped as finished included).</summary>
    public bool AllFinished => Views.All(v => v.RunFinished);

    /// <summary>The follow stopped (cancelled, timed out) while tasks were still pending or running.</summary>
    public bool StillRunning => Views.Any(v => !v.Phase.IsTerminal());
}

/// <summary>
/// A comparison on Slurm, end to end: submit the unfinished runs as one job array, follow it (live bars on a
/// terminal, plain lines otherwise), then list the runs that ended without finishing with their log tails.
/// When the job directory records a job that is still queued or running (a follow stopped with Ctrl-C, or another
/// terminal), that job is followed again instead: nothing is submitted twice.
/// This is what <c>probdsl compare --on slurm</c> calls with its runs.
/// </summary>
internal sealed class SlurmRunner(SlurmClient client, IRunCompletion completion, FollowSettings settings)
{
    public SlurmRunResult Run(Terminal terminal, IReadOnlyList<SlurmTask> tasks, SlurmJobOptions options, string jobDirectory, CancellationToken cancel = default)
    {
        if (ActiveJob(jobDirectory, tasks) is { } running)
        {
            terminal.Output.WriteLine($"Job array {running.JobId} is still in the queue from an earlier submission: following it again ({running.Tasks.Count} runs), " +
                $"not submitting anything. Script: {running.ScriptPath}");
            return new SlurmRunResult(running, FollowAndReport(terminal, running, cancel), Reattached: true);
        }

        var submission = new SlurmSubmitter(client, completion).SubmitUnfinished(tasks, options, jobDirectory);
        if (submission is null)
        {
            terminal.Output.WriteLine($"All {tasks.Count} runs are finished; nothing to submit.");
            return new SlurmRunResult(null, []);
        }

        var skipped = submission.AlreadyFinished.Count > 0 ? $"; {submission.AlreadyFinished.Count} already finished, skipped" : "";
        terminal.Output.WriteLine($"Submitted job array {submission.JobId}: {submission.Tasks.Count} runs{skipped}. Script: {submission.ScriptPath}");
        var views = FollowAndReport(terminal, submission, cancel);
        var finished = submission.AlreadyFinished.Select(t => new TaskView(t, TaskPhase.Completed, "", true, 1.0));
        return new SlurmRunResult(submission, finished.Concat(views).OrderBy(v => v.Task.Index).ToList());
    }

    /// <summary>
    /// The job recorded in the job directory (<see cref="JobRecord"/>) when squeue still shows any of its tasks
    /// pending or running; null when there is none or it has ended.
    /// </summary>
    public Submission? ActiveJob(string jobDirectory, IReadOnlyList<SlurmTask> tasks)
    {
        if (JobRecord.Read(jobDirectory) is not { } record)
        {
            return null;
        }

        var submission = record.ToSubmission(jobDirectory, tasks);
        var indices = submission.Tasks.Select(t => t.Index).ToList();
        for (var poll = 0; ; poll++)
        {
            var statuses = client.Query(record.JobId, indices)
                ?? throw new UserError($"squeue did not answer about job {record.JobId} (recorded in {JobRecord.PathIn(jobDirectory)}), so it is unknown whether " +
                    "its runs are still going; try again in a moment.");
            if (statuses.Any(s => !s.Phase.IsTerminal()))
            {
                return submission;
            }

            // A task pre-empted or on a failed node shows that state until Slurm requeues it: look once more, as the
            // follower does, rather than submit a run that is about to start again.
            var mayComeBack = statuses.Any(s => s.Phase == TaskPhase.Failed && MayBeRequeued(s.SlurmState)
                && !completion.IsFinished(submission.Tasks.Single(t => t.Index == s.Index).Task));
            if (!mayComeBack || poll >= 1)
            {
                return null;
            }

            Thread.Sleep(settings.PollInterval);
        }
    }

    private static bool MayBeRequeued(string slurmState) =>
        slurmState.StartsWith("PREEMPTED", StringComparison.OrdinalIgnoreCase) || slurmState.StartsWith("NODE_FAIL", StringComparison.OrdinalIgnoreCase);

    private IReadOnlyList<TaskView> FollowAndReport(Terminal terminal, Submission submission, CancellationToken cancel)
    {
        var views = Follow(terminal, submission, cancel);
        FailureReport.Write(terminal.Output, submission, views);
        terminal.Output.WriteLine($"Job {submission.JobId}: {PlainFollowDisplay.Summary(views)}.");
        return views;
    }

    public IReadOnlyList<TaskView> Follow(Terminal terminal, Submission submission, CancellationToken cancel = default)
    {
        if (!terminal.Interactive)
        {
            return new ArrayFollower(client, completion, new PlainFollowDisplay(terminal.Output), settings).Follow(submission, cancel);
        }

        return FollowLive(terminal.Rich, submission, cancel);
    }

    /// <summary>Live bars on <paramref name="console"/> (which must be interactive), one per run.</summary>
    public IReadOnlyList<TaskView> FollowLive(IAnsiConsole console, Submission submission, CancellationToken cancel = default)
    {
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => new ArrayFollower(client, completion, new LiveFollowDisplay(context), settings).Follow(submission, cancel));
    }
}
