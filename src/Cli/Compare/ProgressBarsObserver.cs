using System.Collections.Generic;
using System.Linq;
using Spectre.Console;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// Progress on a terminal: a bar per running run (in epochs, moved by the run's progress lines) and one for the
/// whole comparison; finished epochs and ended runs are printed above the bars.
/// </summary>
internal sealed class ProgressBarsObserver : IRunObserver
{
    private readonly IAnsiConsole _console;
    private readonly ProgressContext _context;
    private readonly ProgressTask _overall;
    private readonly int _epochs;
    private readonly Dictionary<string, (ProgressTask Bar, double Done)> _runs = new();
    private readonly object _gate = new();

    public ProgressBarsObserver(IAnsiConsole console, ProgressContext context, int runs, int epochs)
    {
        _console = console;
        _context = context;
        _epochs = epochs;
        _overall = context.AddTask("all runs", maxValue: runs * epochs);
    }

    public void Started(RunTask task)
    {
        lock (_gate)
            _runs[task.Name] = (_context.AddTask(Markup.Escape(task.Name), maxValue: _epochs), 0);
    }

    public void Line(RunTask task, string line)
    {
        double done;
        if (RunLine.IsEpochEnd(line, out var epoch))
        {
            done = epoch;
            lock (_gate)
                _console.WriteLine($"{task.Name}: {line.Trim()}");
        }
        else if (!RunLine.IsProgress(line, out done))
        {
            return;
        }
        Move(task.Name, done);
    }

    public void Ended(RunOutcome outcome)
    {
        lock (_gate)
        {
            var (bar, done) = _runs[outcome.Task.Name];
            if (outcome.Succeeded)
                Move(outcome.Task.Name, _epochs);
            else
                _overall.MaxValue -= _epochs - done; // what it will not do
            bar.StopTask();
            _console.MarkupLine(outcome.Succeeded
                ? $"[green]{Markup.Escape(outcome.Task.Name)}: finished[/]"
                : $"[red]{Markup.Escape(outcome.Task.Name)}: FAILED (exit code {outcome.ExitCode}; log {Markup.Escape(outcome.LogPath)})[/]");
        }
    }

    private void Move(string name, double done)
    {
        lock (_gate)
        {
            var (bar, _) = _runs[name];
            _runs[name] = (bar, done);
            bar.Value = done;
            _overall.Value = _runs.Values.Sum(r => r.Done);
        }
    }
}
