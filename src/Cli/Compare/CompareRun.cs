using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// One invocation of <c>probdsl compare</c> on its directory: record the comparison (or check it is the one already
/// there), plan the runs, launch the unfinished ones, write the report, list the failures.
/// </summary>
internal static class CompareRun
{
    private const string LockFile = ".compare.lock";
    private const int LogLinesOfAFailure = 15;

    /// <param name="launcher">Runs the unfinished runs: child processes here (<see cref="LocalProcessLauncher"/>), or elsewhere.</param>
    public static int Execute(CompareSettings settings, IRunLauncher launcher, Terminal terminal)
    {
        using var exclusive = Prepare(settings);
        var plan = RunPlanner.Plan(settings);
        var due = plan.Where(r => r.State != RunState.Finished).Select(r => r.Task).ToList();
        terminal.Output.WriteLine(Summary(settings, plan, $"{settings.Jobs} at once, {Plural(settings.Threads, "thread")} each"));
        var outcomes = due.Count == 0
            ? []
            : CompareProgress.Run(terminal, due.Count, settings.Epochs,
                observer => launcher.RunAllAsync(due, observer, CancellationToken.None));

        WriteReport(settings.OutDirectory, terminal);
        var failed = outcomes.Where(o => !o.Succeeded).ToList();
        foreach (var failure in failed)
            WriteFailure(failure, terminal.Error);
        return failed.Count == 0 ? ExitCodes.Success : ExitCodes.RunsFailed;
    }

    /// <summary>
    /// Creates the directory, takes its lock (held until the returned stream is disposed) and records the
    /// comparison in compare.json, or checks it is the one already there.
    /// </summary>
    public static FileStream Prepare(CompareSettings settings)
    {
        var directory = settings.OutDirectory;
        if (File.Exists(directory))
            throw new UserError($"--out {directory}: a file of that name exists; give a directory.");
        Directory.CreateDirectory(directory);
        var exclusive = Lock(directory);
        try
        {
            var manifest = ComparisonManifest.Of(settings);
            if (ComparisonManifest.Read(directory) is { } existing)
                manifest = manifest.JoinedWith(existing, directory);
            manifest.Write(directory);
            return exclusive;
        }
        catch
        {
            exclusive.Dispose();
            throw;
        }
    }

    /// <summary>The report of the comparison as it stands (the same for every launcher), and where it is.</summary>
    public static void WriteReport(string directory, Terminal terminal)
    {
        var report = ComparisonReport.Write(directory);
        terminal.Output.WriteLine($"report: {report.Markdown} and {report.Html}");
    }

    /// <summary>Two invocations on one directory would train the same runs twice, into the same files.</summary>
    private static FileStream Lock(string directory)
    {
        try
        {
            return new FileStream(Path.Combine(directory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new UserError($"--out {directory}: another probdsl compare is running on this directory; wait for it, or give another --out.");
        }
    }

    /// <param name="how">Where and how the runs are carried out, e.g. "2 at once, 1 thread each".</param>
    public static string Summary(CompareSettings settings, IReadOnlyList<PlannedRun> plan, string how)
    {
        int Count(RunState state) => plan.Count(r => r.State == state);
        return $"compare: {Plural(plan.Count, "run")} ({Plural(settings.Variants.Count, "variant")} × {Plural(settings.Seeds.Count, "seed")}, " +
            $"{Plural(settings.Epochs, "epoch")} each) in {settings.OutDirectory}: " +
            $"{Count(RunState.Finished)} finished before (not trained again), {Count(RunState.Resumable)} to resume, {Count(RunState.Fresh)} to train; {how}";
    }

    public static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static void WriteFailure(RunOutcome failure, TextWriter error)
    {
        error.WriteLine($"error: run {failure.Task.Name} failed (exit code {failure.ExitCode}); the end of {failure.LogPath}:");
        foreach (var line in RunLog.Tail(failure.LogPath, LogLinesOfAFailure))
            error.WriteLine($"  {line}");
    }
}
