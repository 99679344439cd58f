using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Spectre.Console;

namespace ProbDsl.Cli.Slurm;

/// <summary>How a submission ended: the job (null when every run was already finished) and the last view of each task.</summary>
internal sealed record SlurmRunResult(Submission? Submission, IReadOnlyList<TaskView> Views)
{
    /// <summary>Every run of the comparison is finished (those skipped as finished included).</summary>
    public bool AllFinished => Views.All(v => v.RunFinished);
}

/// <summary>
/// A comparison on Slurm, end to end: submit the unfinished runs as one job array, follow it (live bars on a
/// terminal, plain lines otherwise), then list the runs that ended without finishing with their log tails.
/// This is what <c>probdsl compare --on slurm</c> calls with its runs.
/// </summary>
internal sealed class SlurmRunner(SlurmClient client, IRunCompletion completion, FollowSettings settings)
{
    public SlurmRunResult Run(Terminal terminal, IReadOnlyList<SlurmTask> tasks, SlurmJobOptions options, string jobDirectory, CancellationToken cancel = default)
    {
        var submission = new SlurmSubmitter(client, completion).SubmitUnfinished(tasks, options, jobDirectory);
        if (submission is null)
        {
            terminal.Output.WriteLine($"All {tasks.Count} runs are finished; nothing to submit.");
            return new SlurmRunResult(null, []);
        }

        var skipped = submission.AlreadyFinished.Count > 0 ? $"; {submission.AlreadyFinished.Count} already finished, skipped" : "";
        terminal.Output.WriteLine($"Submitted job array {submission.JobId}: {submission.Tasks.Count} runs{skipped}. Script: {submission.ScriptPath}");
        var views = Follow(terminal, submission, cancel);
        var finished = submission.AlreadyFinished.Select(t => new TaskView(t, TaskPhase.Completed, "", true, 1.0));
        FailureReport.Write(terminal.Output, submission, views);
        terminal.Output.WriteLine($"Job {submission.JobId}: {PlainFollowDisplay.Summary(views)}.");
        return new SlurmRunResult(submission, finished.Concat(views).OrderBy(v => v.Task.Index).ToList());
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
