using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace ProbDsl.Cli.Slurm;

/// <summary>How the follower polls: every <see cref="PollInterval"/>, giving up (the job goes on) after <see cref="Timeout"/>.</summary>
internal sealed record FollowSettings
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Stop following after this long; null follows until every task has ended.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>A task missing from squeue and sacct for this many polls in a row, its run not finished, is lost.</summary>
    public int LostAfterPolls { get; init; } = 3;

    /// <summary>How far a run is (0–1) from its run directory, e.g. epochs written / epochs asked for; optional.</summary>
    public Func<SlurmTask, double?>? Progress { get; init; }
}

/// <summary>
/// Follows one job array until every task has ended: polls the scheduler, reads each run directory's completion,
/// and shows the result after each poll. A task is taken as ended only when two polls in a row say so, so that a
/// task Slurm is about to requeue (pre-empted, node failure) is not given up on between its two states.
/// </summary>
internal sealed class ArrayFollower(SlurmClient client, IRunCompletion completion, IFollowDisplay display, FollowSettings settings)
{
    /// <summary>The last view of every task; some may still be running when the timeout or the token stopped the follow.</summary>
    public IReadOnlyList<TaskView> Follow(Submission submission, CancellationToken cancel = default)
    {
        var tasks = submission.Tasks;
        var indices = tasks.Select(t => t.Index).ToHashSet();
        var missing = tasks.ToDictionary(t => t.Index, _ => 0);
        var last = tasks.ToDictionary(t => t.Index, t => new TaskView(t, TaskPhase.Pending, "", false, null));
        var clock = Stopwatch.StartNew();
        var endedBefore = false;
        while (true)
        {
            var statuses = client.Query(submission.JobId, indices);
            if (statuses is not null)
            {
                var byIndex = statuses.ToDictionary(s => s.Index);
                foreach (var task in tasks)
                {
                    last[task.Index] = View(task, byIndex.GetValueOrDefault(task.Index), last[task.Index], missing);
                }
            }

            var views = tasks.Select(t => last[t.Index]).ToList();
            display.Show(submission.JobId, views);
            var ended = statuses is not null && views.All(v => v.Phase.IsTerminal());
            if ((ended && endedBefore) || cancel.IsCancellationRequested ||
                (settings.Timeout is { } timeout && clock.Elapsed >= timeout))
            {
                return views;
            }

            endedBefore = ended;
            cancel.WaitHandle.WaitOne(settings.PollInterval);
        }
    }

    private TaskView View(ArrayTask task, ArrayTaskStatus? status, TaskView before, Dictionary<int, int> missing)
    {
        var finished = completion.IsFinished(task.Task);
        var progress = finished ? 1.0 : settings.Progress?.Invoke(task.Task);
        if (status is not null)
        {
            missing[task.Index] = 0;
            return new TaskView(task, status.Phase, status.SlurmState, finished, progress);
        }

        // Gone from squeue (and sacct, if the cluster keeps accounting): its run directory is all that is left.
        if (finished)
        {
            return new TaskView(task, TaskPhase.Completed, before.SlurmState, true, 1.0);
        }

        if (before.Phase.IsTerminal())
        {
            return before;
        }

        missing[task.Index]++;
        return missing[task.Index] >= settings.LostAfterPolls
            ? new TaskView(task, TaskPhase.Lost, "not in squeue or sacct", false, progress)
            : before with { Progress = progress };
    }
}
