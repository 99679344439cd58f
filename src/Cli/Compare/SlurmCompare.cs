using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ProbDsl.Cli.Slurm;
using ProbDsl.Cli.Training;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// <c>probdsl compare … --on slurm</c>: the comparison's runs as one Slurm job array (a job is all runs at once, so
/// this replaces the launcher rather than being one). Each run's <c>probdsl train</c> command line becomes an array
/// task; the job script adds <c>--resume RUN_DIR</c> to every start, so a cancelled, failed, requeued or
/// resubmitted run continues from its checkpoint. The job directory is <c>OUT/slurm</c> (scripts, the scheduler's
/// logs, <c>job.json</c>). When every run has finished, the report is written as for a local comparison.
/// </summary>
internal static class SlurmCompare
{
    public const string JobFolder = "slurm";

    /// <summary>The exit code of a follow stopped with Ctrl-C while the job goes on (as for any program stopped so).</summary>
    public const int Interrupted = 130;

    /// <param name="access">How Slurm is reached; null: its real clients, found on PATH, with this process's environment.</param>
    public static int Execute(CompareSettings settings, SlurmJobOptions job, Terminal terminal, SlurmAccess? access = null)
    {
        using var exclusive = CompareRun.Prepare(settings);
        var plan = RunPlanner.Plan(settings, resumeArgument: false);
        var tool = ToolExecutable.Current();
        var tasks = plan.Select(r => new SlurmTask(r.Task.Name, r.Task.RunDirectory, [tool.FileName, .. tool.LeadingArguments, .. AbsolutePaths(r.Task.TrainArguments)])).ToList();
        var jobDirectory = Path.Combine(Path.GetFullPath(settings.OutDirectory), JobFolder);
        terminal.Output.WriteLine(CompareRun.Summary(settings, plan, $"on Slurm, one array task per run, {CompareRun.Plural(settings.Threads, "thread")} each"));
        terminal.Output.WriteLine($"Each task runs {tool} train …: the tool, {Path.GetFullPath(settings.File)} and {Path.GetFullPath(settings.OutDirectory)} " +
            "must be at these same paths on the compute nodes (a shared file system; see docs/slurm.md).");

        var follow = (access?.Follow ?? new FollowSettings()) with { Progress = task => Progress(task, settings.Epochs) };
        var slurm = new SlurmRunner(new SlurmClient(access?.Runner ?? new ProcessCommandRunner()), new RunJsonCompletion(), follow);
        SlurmRunResult result;
        using (var interrupt = new FollowInterrupt(terminal))
            result = slurm.Run(terminal, tasks, job with { JobName = JobName(settings.OutDirectory) }, jobDirectory, interrupt.Token);

        if (result.StillRunning)
        {
            var id = result.Submission!.JobId;
            terminal.Output.WriteLine($"Stopped following job {id}; its tasks keep running on the cluster. To follow it again, run the same command: " +
                $"it re-attaches to job {id} (recorded in {JobRecord.PathIn(jobDirectory)}) and writes the report when all runs have finished. " +
                $"To stop the runs instead: scancel {id}. `probdsl report {settings.OutDirectory}` writes a report of what has finished so far.");
            return Interrupted;
        }

        CompareRun.WriteReport(settings.OutDirectory, terminal);
        if (result.Views.Any(v => v.Unfinished && CommandMissing(v, tool.FileName)))
            terminal.Error.WriteLine($"error: a task could not start {tool.FileName}: the tool must be on a file system the compute nodes share, at the same path (docs/slurm.md).");
        var unfinished = plan.Where(r => !RunResults.IsFinished(r.Task.RunDirectory)).Select(r => r.Task.Name).ToList();
        if (unfinished.Count == 0)
            return ExitCodes.Success;
        var followed = result.Views.Select(v => v.Task.Task.Name).ToHashSet();
        var outside = unfinished.Where(n => !followed.Contains(n)).ToList();
        if (outside.Count > 0)
            terminal.Output.WriteLine($"{CompareRun.Plural(outside.Count, "run")} ({string.Join(", ", outside)}) were not in job {result.Submission?.JobId}: " +
                "run the same command again to submit them.");
        return ExitCodes.RunsFailed;
    }

    /// <summary>
    /// The data files of the command line as absolute paths: a task starts in its run directory (the job script
    /// changes into it), not where compare was started.
    /// </summary>
    public static IReadOnlyList<string> AbsolutePaths(IReadOnlyList<string> arguments)
    {
        var result = arguments.ToList();
        for (var i = 1; i < result.Count; i++)
        {
            var value = result[i];
            switch (result[i - 1])
            {
                case "--data" or "--label" when value.IndexOf('=') is var equals and > 0 && value[(equals + 1)..] is { Length: > 0 } path:
                    result[i] = value[..(equals + 1)] + Path.GetFullPath(path);
                    break;
                case "--data-dir" or "--resume":
                    result[i] = Path.GetFullPath(value);
                    break;
            }
        }
        return result;
    }

    /// <summary>The comparison directory's name as the job's name (letters, digits, dots, dashes and underscores).</summary>
    public static string JobName(string outDirectory)
    {
        var name = new string(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDirectory)))
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray()).Trim('-');
        return name.Length == 0 ? "probdsl" : name;
    }

    /// <summary>Epochs written to epochs.csv over the epochs asked for; null before the first.</summary>
    private static double? Progress(SlurmTask task, int epochs)
    {
        var csv = Path.Combine(task.RunDirectory, RunResults.CsvFile);
        try
        {
            if (!File.Exists(csv))
                return null;
            var rows = File.ReadLines(csv).Skip(1).Count(line => line.Length > 0);
            return Math.Min(1.0, (double)rows / epochs);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The task's log says bash could not run the command: the tool is not where the node looks.</summary>
    private static bool CommandMissing(TaskView view, string program)
    {
        var log = Directory.Exists(view.Task.Task.RunDirectory)
            ? Directory.EnumerateFiles(view.Task.Task.RunDirectory, "slurm-*.log").Select(path => RunLog.Tail(path, 5)).SelectMany(l => l)
            : [];
        return log.Any(line => line.Contains($"{program}: No such file or directory", StringComparison.Ordinal));
    }

    /// <summary>Compare's reading of a finished run: its run.json says <c>"finished": true</c>.</summary>
    private sealed class RunJsonCompletion : IRunCompletion
    {
        public bool IsFinished(SlurmTask task) => RunResults.IsFinished(task.RunDirectory);
    }

    /// <summary>
    /// Ctrl-C while following: stop following (the token), not the process and not the job. A second Ctrl-C ends
    /// the process as usual.
    /// </summary>
    private sealed class FollowInterrupt : IDisposable
    {
        private readonly CancellationTokenSource _source = new();
        private readonly Terminal _terminal;

        public FollowInterrupt(Terminal terminal)
        {
            _terminal = terminal;
            Console.CancelKeyPress += OnCancel;
        }

        public CancellationToken Token => _source.Token;

        private void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            if (_source.IsCancellationRequested)
                return;
            e.Cancel = true;
            _terminal.Error.WriteLine("Ctrl-C: stopping the follow (the runs go on on the cluster); Ctrl-C again to quit at once.");
            _source.Cancel();
        }

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancel;
            _source.Dispose();
        }
    }
}

/// <summary>How <c>compare --on slurm</c> reaches Slurm: its clients (<c>sbatch</c>, <c>squeue</c>, …) and how often to poll.</summary>
internal sealed record SlurmAccess(ICommandRunner Runner, FollowSettings Follow);
