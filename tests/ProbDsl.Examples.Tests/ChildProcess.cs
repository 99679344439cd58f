using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace ProbDsl.Examples.Tests;

/// <summary>The ResumeProbe run as a child process, with its output collected and a way to SIGKILL it mid-run.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly ManualResetEventSlim _training = new();
    private readonly Thread[] _readers = new Thread[2];

    private ChildProcess(Process process) => _process = process;

    /// <summary>The probe built next to this test project, in the same configuration.</summary>
    public static string ProbePath
    {
        get
        {
            var here = AppContext.BaseDirectory;
            var path = Path.Combine(here.Replace("ProbDsl.Examples.Tests", "ProbDsl.ResumeProbe"), "ProbDsl.ResumeProbe.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"the resume probe is not built at {path}");
        }
    }

    /// <param name="trainingMarker">A line containing this is printed when training starts (after start-up and data).</param>
    public static ChildProcess Start(string workingDirectory, string trainingMarker, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ProbePath);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var child = new ChildProcess(new Process { StartInfo = start });
        child._process.Start();
        // Dedicated threads, not Process's thread-pool callbacks: the test thread blocks while it waits and sleeps,
        // and a starved pool delivered the "training starts" line up to a second late, so kills landed after the run.
        child._readers[0] = child.Read(child._process.StandardOutput, trainingMarker);
        child._readers[1] = child.Read(child._process.StandardError, trainingMarker);
        return child;
    }

    private Thread Read(StreamReader reader, string marker)
    {
        var thread = new Thread(() =>
        {
            while (reader.ReadLine() is { } line)
                Collect(line, marker);
        }) { IsBackground = true };
        thread.Start();
        return thread;
    }

    private void Collect(string line, string marker)
    {
        lock (_output)
            _output.AppendLine(line);
        if (line.Contains(marker, StringComparison.Ordinal))
            _training.Set();
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public bool WaitForTraining(TimeSpan timeout) => _training.Wait(timeout);

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL (Process.Kill on Unix): no handler, no flush, no cleanup runs in the child.</summary>
    /// <returns>False when the child had already exited.</returns>
    public bool Kill()
    {
        if (_process.HasExited)
            return false;
        _process.Kill();
        _process.WaitForExit();
        return true;
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            throw new TimeoutException($"the probe ran longer than {timeout}:\n{Output}");
        }
        foreach (var reader in _readers)
            reader.Join(); // the output to its end
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
        _training.Dispose();
    }
}
