using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProbDsl.Cli.Slurm;

/// <summary>
/// For a pipe or a log: one line per change of a task's state (not one per poll), and a count line with each.
/// </summary>
internal sealed class PlainFollowDisplay(TextWriter output) : IFollowDisplay
{
    private readonly Dictionary<int, string> shown = [];

    public void Show(string jobId, IReadOnlyList<TaskView> tasks)
    {
        var changed = false;
        foreach (var view in tasks)
        {
            var text = Describe(view);
            if (shown.TryGetValue(view.Task.Index, out var before) && before == text)
            {
                continue;
            }

            shown[view.Task.Index] = text;
            changed = true;
            output.WriteLine($"slurm {jobId}_{view.Task.Index} {view.Task.Task.Name}: {text}");
        }

        if (changed)
        {
            output.WriteLine($"slurm {jobId}: {Summary(tasks)}");
        }
    }

    public static string Summary(IReadOnlyList<TaskView> tasks)
    {
        var finished = tasks.Count(t => t.RunFinished && t.Phase.IsTerminal());
        var running = tasks.Count(t => t.Phase == TaskPhase.Running);
        var pending = tasks.Count(t => t.Phase == TaskPhase.Pending);
        var unfinished = tasks.Count(t => t.Unfinished);
        return $"{finished}/{tasks.Count} finished, {running} running, {pending} pending, {unfinished} failed or cancelled";
    }

    private static string Describe(TaskView view)
    {
        var state = view.Phase.Describe();
        if (view.Phase == TaskPhase.Completed && !view.RunFinished)
        {
            state = "exited 0 but its run is not finished";
        }

        return view.SlurmState.Length > 0 && !string.Equals(view.SlurmState, view.Phase.Describe(), System.StringComparison.OrdinalIgnoreCase)
            ? $"{state} ({view.SlurmState})"
            : state;
    }
}
