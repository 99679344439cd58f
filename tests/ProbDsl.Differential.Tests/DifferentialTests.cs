using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ProbDsl.Differential.Tests.Harness;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests;

/// <summary>
/// Issue #8: any model the compiler accepts must be compiled correctly. Random valid models (CsCheck) are compiled
/// by the real generator and each generated bound, with its gradients, is compared with the reference interpreter
/// under the same weights and noise. PROBDSL_DIFFERENTIAL_MODELS (default 300) and PROBDSL_DIFFERENTIAL_SEED
/// (default fixed) change the run; the report is printed and written to differential-report.txt.
/// </summary>
public class DifferentialTests
{
    private const int DefaultModels = 300;
    private const ulong DefaultSeed = 20261130;
    private const int BatchSize = 100;

    private readonly ITestOutputHelper _output;

    public DifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Generated_bounds_and_gradients_equal_the_reference_interpreter_on_random_models()
    {
        set_num_threads(1);
        var models = int.TryParse(Environment.GetEnvironmentVariable("PROBDSL_DIFFERENTIAL_MODELS"), out var m) ? m : DefaultModels;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("PROBDSL_DIFFERENTIAL_SEED"), out var s) ? s : DefaultSeed;
        var clock = Stopwatch.StartNew();

        File.WriteAllText(ProgressFile, "");
        var run = new DifferentialRun(seed, models, BatchSize, Progress);
        // PROBDSL_DIFFERENTIAL_ONLY=12,345 reruns just those models of the seed's stream (R12, R345).
        var report = Environment.GetEnvironmentVariable("PROBDSL_DIFFERENTIAL_ONLY") is { Length: > 0 } only
            ? run.Execute(only.Split(',').Select(int.Parse).ToList())
            : run.Execute();

        var summary = report.Summary() + $"in {clock.Elapsed.TotalSeconds:F0} s\n" + (report.Mismatches.Count > 0 ? "mismatching quantities:\n" + report.MismatchKinds() + "\n" : "");
        File.WriteAllText("differential-report.txt", summary + "\n" + report.Details(int.MaxValue));
        Log(summary + report.Details(limit: 10));
        Assert.True(report.Passed, summary + "(details: " + Path.GetFullPath("differential-report.txt") + ")");
    }

    /// <summary>xunit shows a test's output only when it ends; a long run also appends its progress here.</summary>
    private const string ProgressFile = "differential-progress.txt";

    private void Progress(string line)
    {
        Log(line);
        File.AppendAllText(ProgressFile, $"{DateTime.UtcNow:HH:mm:ss} {line}\n");
    }

    private void Log(string line) => _output.WriteLine(line);
}
