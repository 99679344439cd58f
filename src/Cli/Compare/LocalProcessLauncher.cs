using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ProbDsl.Cli.Training;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// Runs each task as a child <c>probdsl train</c> process on this machine, at most <c>jobs</c> at once, in task
/// order. Everything a run prints goes to <c>RUN/train.log</c> (appended, so the log of an interrupted attempt is
/// kept above the resumed one) and to the observer.
/// </summary>
public sealed class LocalProcessLauncher : IRunLauncher
{
    public const string LogFile = "train.log";

    private readonly int _jobs;
    private readonly Func<IEnumerable<string>, ProcessStartInfo> _startInfo;

    public LocalProcessLauncher(int jobs)
        : this(jobs, ToolExecutable.Current().StartInfo)
    {
    }

    internal LocalProcessLauncher(int jobs, Func<IEnumerable<string>, ProcessStartInfo> startInfo)
    {
        _jobs = jobs;
        _startInfo = startInfo;
    }

    public async Task<IReadOnlyList<RunOutcome>> RunAllAsync(IReadOnlyList<RunTask> tasks, IRunObserver observer, CancellationToken cancel)
    {
        using var slots = new SemaphoreSlim(_jobs);
        var runs = tasks.Select(async task =>
        {
            await slots.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                return await RunAsync(task, observer, cancel).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(runs).ConfigureAwait(false);
    }

    private async Task<RunOutcome> RunAsync(RunTask task, IRunObserver observer, CancellationToken cancel)
    {
        Directory.CreateDirectory(task.RunDirectory);
        var logPath = Path.Combine(task.RunDirectory, LogFile);
        using var log = new RunLog(logPath);
        log.Write(string.Create(CultureInfo.InvariantCulture, $"== {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z probdsl {string.Join(" ", task.TrainArguments.Select(Quoted))}"));
        observer.Started(task);
        var exitCode = await RunProcessAsync(task, line =>
        {
            log.Write(line);
            observer.Line(task, line);
        }, cancel).ConfigureAwait(false);
        log.Write($"== exit code {exitCode}");
        var outcome = new RunOutcome(task, exitCode, logPath);
        observer.Ended(outcome);
        return outcome;
    }

    private async Task<int> RunProcessAsync(RunTask task, Action<string> onLine, CancellationToken cancel)
    {
        // The run reads its standard input, which stays open until this process ends: then it stops too (ParentWatch).
        using var process = new Process { StartInfo = _startInfo([.. task.TrainArguments, ParentWatch.Option]) };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            onLine($"error: cannot start {process.StartInfo.FileName}: {e.Message}");
            return -1;
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit(); // drains the redirected streams: every line is in the log before the outcome
        process.StandardInput.Close();
        return process.ExitCode;
    }

    private static string Quoted(string argument) =>
        argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '(' or ')' or '>')) ? argument : $"'{argument}'";
}
