using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using ProbDsl.Cli.Slurm;
using ProbDsl.Cli.Tests;
using Xunit.Abstractions;

namespace ProbDsl.Slurm.Tests;

/// <summary>
/// The real <c>probdsl compare … --on slurm</c> on the local Slurm: 2 guides × 2 seeds of the bars model on a
/// 1,000-row subset, 6 epochs of 100 steps each, every run a <c>probdsl train</c> array task. In one pass:
/// the follow is stopped with Ctrl-C (SIGINT) right after submission and the same command re-attaches to the job
/// (nothing submitted twice); one task is cancelled with scancel after two epochs, the follow ends listing it;
/// the same command again submits only that run, which resumes from its checkpoint (the rows written before the
/// cancel are unchanged, epoch 1 is not trained again) while the finished runs' files are untouched; the report
/// then counts all four runs. Skipped where tests/slurm/cluster.sh cannot start Slurm (exit 77).
/// </summary>
[Collection(LocalClusterCollection.Name)]
public sealed class CompareOnSlurmTests(LocalCluster cluster, ITestOutputHelper log) : IDisposable
{
    private const int Epochs = 6;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly string _root = Paths.NewTempDirectory("compare");

    private string Out => Path.Combine(_root, "out");

    private string[] Command(string images, string labels) =>
    [
        "compare", Paths.TestFile("Models", "bars2.pdsl"), "--guides", "Structured,MeanField", "--seeds", "0,1", "--epochs", $"{Epochs}",
        "--out", Out, "--on", "slurm", "--cpus-per-task", "1", "--time", "15",
        "--data", $"x={images}", "--label", $"y={labels}", "--labels", "40", "--train-limit", "1000", "--batch-size", "10", "--learning-rate", "0.01",
    ];

    [SkippableFact]
    public void A_comparison_on_slurm_reattaches_after_ctrl_c_and_resumes_a_cancelled_run_from_its_checkpoint()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var (images, labels) = BarsData.WriteNpy(_root, count: 1200, seed: 1);
        var command = Command(images, labels);
        var clock = Stopwatch.StartNew();

        // 1. Submit, then Ctrl-C: the follow stops, the job goes on, and the message says how to re-attach.
        string jobId;
        using (var first = new Tool(command, cluster.Environment))
        {
            WaitFor(() => File.Exists(JobRecordPath) || first.Exited, "compare to submit the job");
            Assert.True(File.Exists(JobRecordPath), first.Output);
            jobId = Record().JobId;
            first.Interrupt();
            var (code, output) = first.WaitForExit(TimeSpan.FromSeconds(60));
            log.WriteLine($"[{clock.Elapsed:mm\\:ss}] first (Ctrl-C):\n{output}");
            Assert.Equal(130, code);
            Assert.Contains($"Stopped following job {jobId}; its tasks keep running", output);
            Assert.Contains("run the same command: it re-attaches", output);
            Assert.Contains(Squeue(jobId), l => l.EndsWith("|PENDING", StringComparison.Ordinal) || l.EndsWith("|RUNNING", StringComparison.Ordinal));
        }

        // 2. The same command re-attaches; one run is cancelled after two epochs; the follow ends listing it.
        var record = Record();
        string cancelled;
        int cancelledIndex;
        using (var second = new Tool(command, cluster.Environment))
        {
            string? target = null;
            WaitFor(() => (target = record.Tasks.Select(t => t.Name).FirstOrDefault(n => Rows(n).Count >= 2 && !Finished(n))) is not null || second.Exited,
                "a run to write two epochs");
            Assert.True(target is not null, second.Output);
            cancelled = target;
            cancelledIndex = record.Tasks.Single(t => t.Name == cancelled).Index;
            Scancel($"{jobId}_{cancelledIndex}");
            var (code, output) = second.WaitForExit(Patience);
            log.WriteLine($"[{clock.Elapsed:mm\\:ss}] second (re-attached, {cancelled} cancelled):\n{output}");
            Assert.Contains($"Job array {jobId} is still in the queue from an earlier submission: following it again (4 runs)", output);
            Assert.Equal(3, code);
            Assert.Contains($"--- {jobId}_{cancelledIndex} {cancelled}: CANCELLED", output);
            Assert.True(File.Exists(Path.Combine(Out, "report.md")), output);
        }

        Assert.False(Finished(cancelled), $"{cancelled} finished before the cancel took effect: make its epochs longer");
        var others = record.Tasks.Select(t => t.Name).Where(n => n != cancelled).ToList();
        Assert.All(others, n => Assert.True(Finished(n), $"{n} did not finish"));
        var rowsBefore = Rows(cancelled);
        var otherFiles = others.ToDictionary(n => n, Snapshot);
        Assert.InRange(rowsBefore.Count, 2, Epochs - 1);

        // 3. The same command again: only the cancelled run is submitted, under its old index, and it resumes.
        using (var third = new Tool(command, cluster.Environment))
        {
            var (code, output) = third.WaitForExit(Patience);
            log.WriteLine($"[{clock.Elapsed:mm\\:ss}] third (resubmission):\n{output}");
            Assert.True(code == 0, output);
            Assert.Contains("3 finished before (not trained again)", output);
            Assert.Contains("Submitted job array", output);
            Assert.Contains(": 1 runs; 3 already finished, skipped.", output);
        }

        var resubmission = Record();
        Assert.NotEqual(jobId, resubmission.JobId);
        Assert.Equal([(cancelledIndex, cancelled)], resubmission.Tasks.Select(t => (t.Index, t.Name)));
        Assert.Contains($"#SBATCH --array={cancelledIndex}\n", File.ReadAllText(resubmission.Script));

        var rows = Rows(cancelled);
        Assert.Equal(Epochs, rows.Count);
        Assert.Equal(rowsBefore, rows.Take(rowsBefore.Count)); // the epochs before the cancel read the same
        Assert.True(Finished(cancelled));
        var resumedLog = File.ReadAllLines(SbatchScript.RunLog(RunDirectory(cancelled), resubmission.JobId, cancelledIndex));
        log.WriteLine(string.Join("\n", resumedLog));
        Assert.DoesNotContain(resumedLog, l => l.Contains("no checkpoint there yet", StringComparison.Ordinal)); // not a fresh start ...
        Assert.DoesNotContain(resumedLog, l => l.StartsWith("epoch   1/", StringComparison.Ordinal)); // ... epoch 1 was not trained again ...
        Assert.Contains(resumedLog, l => l.StartsWith($"epoch   {Epochs}/{Epochs}", StringComparison.Ordinal)); // ... and it went on to the end
        Assert.All(others, n => Assert.Equal(otherFiles[n], Snapshot(n))); // finished runs were not submitted again

        var report = File.ReadAllText(Path.Combine(Out, "report.md"));
        Assert.Contains("| Structured / declared | Structured | declared in the file | 2 of 2 |", report);
        Assert.Contains("| MeanField / declared | MeanField | declared in the file | 2 of 2 |", report);
        log.WriteLine($"[{clock.Elapsed:mm\\:ss}] done");
    }

    private string JobRecordPath => Path.Combine(Out, "slurm", JobRecord.FileName);

    private JobRecord Record() =>
        JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(JobRecordPath), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;

    private string RunDirectory(string name) => Path.Combine(Out, "runs", name);

    private bool Finished(string name)
    {
        var path = Path.Combine(RunDirectory(name), "run.json");
        return File.Exists(path) && File.ReadAllText(path).Contains("\"finished\": true", StringComparison.Ordinal);
    }

    /// <summary>Epoch, train loss, test ELBO, test error of each row of epochs.csv: what a resumed run must reproduce.</summary>
    private List<string> Rows(string name)
    {
        var csv = Path.Combine(RunDirectory(name), "epochs.csv");
        return File.Exists(csv) ? File.ReadAllLines(csv).Skip(1).Select(r => string.Join(",", r.Split(',').Take(4))).ToList() : [];
    }

    /// <summary>Every file of a run with its content hash and last write time.</summary>
    private string[] Snapshot(string name) =>
        Directory.GetFiles(RunDirectory(name)).Order().Select(f =>
            $"{Path.GetFileName(f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))} {File.GetLastWriteTimeUtc(f):O}").ToArray();

    private List<string> Squeue(string jobId) =>
        new ProcessCommandRunner(cluster.Environment).Run("squeue", ["-h", "-r", "-t", "all", "-j", jobId, "-o", "%i|%T"])!.Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private void Scancel(string task)
    {
        var result = new ProcessCommandRunner(cluster.Environment).Run("scancel", [task]);
        Assert.True(result is { ExitCode: 0 }, $"scancel {task}: {result?.Error}");
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
                throw new TimeoutException($"waited {Patience.TotalMinutes} min for {what}");
            Thread.Sleep(100);
        }
    }

    public void Dispose()
    {
        // Whatever the outcome, leave no task of this test on the cluster.
        if (File.Exists(JobRecordPath))
            new ProcessCommandRunner(cluster.Environment).Run("scancel", [Record().JobId]);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a task that was still writing when it was cancelled: the directory is left in /tmp
        }
    }

    /// <summary>The tool as its own process (as a user runs it), with the cluster's environment; its output collected.</summary>
    private sealed class Tool : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();

        public Tool(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
        {
            var start = Cli.Compare.ToolExecutable.Current().StartInfo(args);
            foreach (var (name, value) in environment)
                start.Environment[name] = value;
            _process = StartWithDefaultInterrupt(start);
            _process.StandardInput.Close();
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool Exited => _process.HasExited;

        public string Output => string.Join("\n", _lines);

        /// <summary>What Ctrl-C on a terminal sends.</summary>
        public void Interrupt() => Assert.Equal(0, Kill(_process.Id, 2));

        public (int ExitCode, string Output) WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout))
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail($"probdsl compare did not end within {timeout.TotalMinutes} min:\n{Output}");
            }

            _process.WaitForExit(); // drains the output
            return (_process.ExitCode, Output);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }

        /// <summary>
        /// A process started from a background job (<c>bash .ci/run &amp;</c>, nohup) inherits SIGINT as ignored, and an
        /// ignored signal stays ignored across exec: the tool would never see the test's Ctrl-C. So the child is
        /// started with the default disposition (the runtime then installs its Ctrl-C handling as on a terminal), and
        /// this process's own disposition is put back at once.
        /// </summary>
        private static Process StartWithDefaultInterrupt(ProcessStartInfo start)
        {
            const int sigint = 2;
            var previous = Signal(sigint, IntPtr.Zero); // SIG_DFL
            try
            {
                return Process.Start(start)!;
            }
            finally
            {
                Signal(sigint, previous);
            }
        }

        [DllImport("libc", EntryPoint = "signal")]
        private static extern IntPtr Signal(int signal, IntPtr handler);

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);
    }
}
