using System.Collections.Generic;
using Spectre.Console;

namespace ProbDsl.Cli.Slurm;

/// <summary>On a terminal: a Spectre.Console progress bar per run, its description the task's state.</summary>
internal sealed class LiveFollowDisplay(ProgressContext context) : IFollowDisplay
{
    private readonly Dictionary<int, ProgressTask> bars = [];

    public void Show(string jobId, IReadOnlyList<TaskView> tasks)
    {
        foreach (var view in tasks)
        {
            if (!bars.TryGetValue(view.Task.Index, out var bar))
            {
                bar = context.AddTask(Markup.Escape(view.Label), autoStart: true, maxValue: 100);
                bars[view.Task.Index] = bar;
            }

            var (colour, value) = view switch
            {
                { RunFinished: true } => ("green", 100.0),
                { Unfinished: true } => ("red", bar.Value),
                { Phase: TaskPhase.Running } => ("yellow", (view.Progress ?? 0) * 100),
                _ => ("grey", bar.Value),
            };
            bar.Description = $"[{colour}]{Markup.Escape($"{jobId}_{view.Label}: {view.Phase.Describe()}")}[/]";
            bar.Value = value;
            if (view.Phase.IsTerminal() && !bar.IsFinished)
            {
                bar.StopTask();
            }
        }

        context.Refresh();
    }
}
