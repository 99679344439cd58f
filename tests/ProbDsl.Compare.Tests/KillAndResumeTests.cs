using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using Xunit.Abstractions;

namespace ProbDsl.Compare.Tests;

/// <summary>
/// A comparison killed (with its whole process tree) while one run has finished and another is between epochs,
/// then started again with the same command: the finished run is not trained again (its files are untouched and
/// its log has one attempt) and the interrupted one continues from its checkpoint (a second attempt with
/// --resume that trains only the epochs that were left, with the earlier epochs' numbers unchanged).
/// </summary>
public class KillAndResumeTests : CompareFixture
{
    private const int Epochs = 6;
    private readonly ITestOutputHelper _log;

    public KillAndResumeTests(ITestOutputHelper log) => _log = log;

    // Small batches make an epoch long enough (~100 steps) to find the second run between two epochs.
    private string[] Command => ["compare", Model, "--guides", "MeanField", "--seeds", "0,1", "--epochs", Epochs.ToString(), "--jobs", "1", "--out", Out,
        "--train-limit", "1000", .. Data(batchSize: 10)];

    [Fact]
    public void FinishedRunsAreKeptAndTheInterruptedOneResumes()
    {
        var first = RunDirectory("MeanField-declared-seed0");
        var second = RunDirectory("MeanField-declared-seed1");
        using (var compare = Start(Command))
        {
            var waited = Stopwatch.StartNew();
            while (!(Finished(first) && EpochsWritten(second) >= 1 && File.Exists(Path.Combine(second, "model.bin"))))
            {
                Assert.False(compare.HasExited, $"compare ended (exit code {(compare.HasExited ? compare.ExitCode : 0)}) before it could be interrupted");
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(120), "the runs did not get going");
                Thread.Sleep(50);
            }
            compare.Kill(entireProcessTree: true);
            compare.WaitForExit();
        }
        Assert.False(Finished(second), "the second run finished before the kill: make its epochs longer");
        var firstFiles = Snapshot(first);
        var secondRows = File.ReadAllLines(Path.Combine(second, "epochs.csv")).Skip(1).Select(Numbers).ToList();
        _log.WriteLine($"killed with {secondRows.Count} epochs of the second run written");

        // The report of the interrupted comparison: the finished run counts, the interrupted one is shown as such.
        var report = Run(["report", Out]);
        Assert.True(report.ExitCode == 0, report.Error);
        var partial = File.ReadAllText(Path.Combine(Out, "report.md"));
        Assert.Contains("| MeanField / declared | MeanField | declared in the file | 1 of 2 |", partial);
        Assert.Contains("| MeanField-declared-seed1 | 1 | interrupted (resumes from its checkpoint) |", partial);

        var (code, output, error) = Run(Command);
        _log.WriteLine(output + error);

        Assert.True(code == 0, error);
        Assert.Contains("1 finished before (not trained again), 1 to resume, 0 to train", output);
        Assert.Equal(firstFiles, Snapshot(first));
        Assert.Single(Attempts(first));
        var attempts = Attempts(second);
        Assert.Equal(2, attempts.Count);
        Assert.Contains($"--resume {second}", attempts[1].Header);
        Assert.DoesNotContain(attempts[1].Lines, l => l.StartsWith("epoch   1/", StringComparison.Ordinal)); // epoch 1 was not trained again
        var rows = File.ReadAllLines(Path.Combine(second, "epochs.csv")).Skip(1).Select(Numbers).ToList();
        Assert.Equal(Epochs, rows.Count);
        // Continuity: the epochs written before the kill read the same after (a resumed epoch gives the same numbers).
        Assert.Equal(secondRows, rows.Take(secondRows.Count));
        Assert.Contains("\"finished\": true", File.ReadAllText(Path.Combine(second, "run.json")));
    }

    private static bool Finished(string run) =>
        File.Exists(Path.Combine(run, "run.json")) && File.ReadAllText(Path.Combine(run, "run.json")).Contains("\"finished\": true");

    private static int EpochsWritten(string run)
    {
        var csv = Path.Combine(run, "epochs.csv");
        return File.Exists(csv) ? File.ReadAllLines(csv).Length - 1 : 0;
    }

    /// <summary>Epoch, train loss, test ELBO, test error: what an exact resumption reproduces (not the seconds).</summary>
    private static string Numbers(string csvRow) => string.Join(",", csvRow.Split(',').Take(4));

    /// <summary>Every file of the run with its content hash and last write time.</summary>
    private static string[] Snapshot(string run) =>
        Directory.GetFiles(run).Order().Select(f =>
            $"{Path.GetFileName(f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))} {File.GetLastWriteTimeUtc(f):O}").ToArray();

    /// <summary>The attempts in a run's log: each starts with a "== … probdsl train …" line.</summary>
    private static System.Collections.Generic.List<(string Header, string[] Lines)> Attempts(string run)
    {
        var attempts = new System.Collections.Generic.List<(string Header, System.Collections.Generic.List<string> Lines)>();
        foreach (var line in File.ReadLines(Path.Combine(run, "train.log")))
        {
            if (line.StartsWith("== ", StringComparison.Ordinal) && line.Contains(" probdsl train ", StringComparison.Ordinal))
                attempts.Add((line, new()));
            else if (attempts.Count > 0)
                attempts[^1].Lines.Add(line);
        }
        return attempts.Select(a => (a.Header, a.Lines.ToArray())).ToList();
    }
}
