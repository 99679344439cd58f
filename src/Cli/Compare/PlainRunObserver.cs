using System.Globalization;
using System.IO;
using System.Threading;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// Progress for a pipe or a CI log: one line when a run starts or ends and one per finished epoch, each prefixed
/// with the run's name; the in-epoch progress lines are left to the run's own log.
/// </summary>
internal sealed class PlainRunObserver : IRunObserver
{
    private readonly TextWriter _output;
    private readonly int _total;
    private readonly object _gate = new();
    private int _started;

    public PlainRunObserver(TextWriter output, int total)
    {
        _output = output;
        _total = total;
    }

    public void Started(RunTask task)
    {
        var number = Interlocked.Increment(ref _started);
        Write(string.Create(CultureInfo.InvariantCulture, $"[{number}/{_total}] {task.Name}: started"));
    }

    public void Line(RunTask task, string line)
    {
        if (RunLine.IsEpochEnd(line, out _))
            Write($"{task.Name}: {line.Trim()}");
    }

    public void Ended(RunOutcome outcome) =>
        Write(outcome.Succeeded ? $"{outcome.Task.Name}: finished" : $"{outcome.Task.Name}: FAILED (exit code {outcome.ExitCode}; log {outcome.LogPath})");

    private void Write(string line)
    {
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
