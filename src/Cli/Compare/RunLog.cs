using System;
using System.IO;

namespace ProbDsl.Cli.Compare;

/// <summary>A run's log file, appended to from its output and error streams at once (hence the lock), flushed per line.</summary>
internal sealed class RunLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly object _gate = new();

    public RunLog(string path) => _writer = new StreamWriter(path, append: true) { AutoFlush = true };

    public void Write(string line)
    {
        lock (_gate)
            _writer.WriteLine(line);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The last <paramref name="count"/> lines of a log, for the summary of a failed run.</summary>
    public static string[] Tail(string path, int count)
    {
        if (!File.Exists(path))
            return [];
        var lines = File.ReadAllLines(path);
        return lines[Math.Max(0, lines.Length - count)..];
    }
}
