using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Xunit.Abstractions;

namespace ProbDsl.Compare.Tests;

/// <summary>
/// compare alone killed with SIGKILL (not its process tree, as an out-of-memory killer or a `kill -9` would): its
/// running `probdsl train` stops too (it watches the standard input compare holds open), instead of training on
/// unattended with the run's output lock held; the same command again then resumes the run.
/// </summary>
public class OrphanRunTests : CompareFixture
{
    private readonly ITestOutputHelper _log;

    public OrphanRunTests(ITestOutputHelper log) => _log = log;

    private string[] Command => ["compare", Model, "--guides", "MeanField", "--seeds", "0", "--epochs", "6", "--jobs", "1", "--out", Out,
        "--train-limit", "1000", .. Data(batchSize: 10)];

    [Fact]
    public void A_run_stops_when_its_compare_is_killed_alone_and_resumes_with_the_next_compare()
    {
        if (!OperatingSystem.IsLinux())
            return; // the check reads /proc; the watch itself is portable
        var run = RunDirectory("MeanField-declared-seed0");
        using (var compare = Start(Command))
        {
            var waited = Stopwatch.StartNew();
            while (!(File.Exists(Path.Combine(run, "model.bin")) && TrainProcesses(run).Length > 0))
            {
                Assert.False(compare.HasExited, "compare ended before it could be killed");
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(120), "the run did not get going");
                Thread.Sleep(50);
            }
            compare.Kill(entireProcessTree: false);
            compare.WaitForExit();
        }

        var stopped = Stopwatch.StartNew();
        while (TrainProcesses(run).Length > 0 && stopped.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(100);
        var left = TrainProcesses(run);
        foreach (var pid in left)
            Process.GetProcessById(pid).Kill();
        Assert.True(left.Length == 0, $"the run kept training after its compare was killed (pid {string.Join(", ", left)})");
        _log.WriteLine($"the run stopped {stopped.Elapsed.TotalSeconds:F1} s after compare was killed");

        Assert.DoesNotContain("\"finished\": true", File.ReadAllText(Path.Combine(run, "run.json")));

        var (code, output, error) = Run(Command);
        _log.WriteLine(output + error);
        Assert.True(code == 0, error);
        Assert.Contains("0 finished before (not trained again), 1 to resume, 0 to train", output);
        Assert.Contains("\"finished\": true", File.ReadAllText(Path.Combine(run, "run.json")));
    }

    /// <summary>The processes whose command line names <paramref name="run"/> (the run's `probdsl train`).</summary>
    private static int[] TrainProcesses(string run) =>
        Directory.GetDirectories("/proc").Select(path => Path.GetFileName(path)).Where(name => name.All(char.IsDigit)).Select(name => int.Parse(name))
            .Where(pid => CommandLine(pid) is { } line && line.Contains(" train ", StringComparison.Ordinal) && line.Contains(run, StringComparison.Ordinal))
            .ToArray();

    private static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
