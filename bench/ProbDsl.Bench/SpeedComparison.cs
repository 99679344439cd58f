using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Blas;

namespace ProbDsl.Bench;

/// <summary>
/// The speed report of issue #14, side by side in one run: for each thread count, one child process with the MKL
/// fast path on and one with it off (MKL fixes its code path once per process), each measuring the sgemm rate and
/// the generated M2's steps (<see cref="SpeedProbe"/>). Derived per row: the joint step's matrix FLOPs, the
/// sgemm-bound time (FLOPs ÷ rate) and the fraction of it the step reaches, and two epochs at 3000 labels —
/// Pyro's SS-VAE protocol (47,000 unlabelled in 235 batches of 200 + 15 labelled batches of 200, accuracy-only
/// evaluation) and ProbDsl's trainer on the same data (235 joint steps of 200 + 100, exact test ELBO evaluation).
/// Each row carries the CPU model and the load average when it started.
/// </summary>
internal static class SpeedComparison
{
    private const int UnlabelledBatches = 235, LabelledBatches = 15;

    public static void Run(IReadOnlyList<int> threadCounts, int rounds, int repeats)
    {
        Console.WriteLine(BlasReport.Line());
        Console.WriteLine($"M2 (hidden 500, z 50, 10 classes enumerated), generated code, Adam; {rounds} interleaved rounds per child; fast path on/off in separate child processes");
        Console.WriteLine("threads | MKL path | load avg | sgemm GFLOP/s | joint step ms | joint GFLOP | sgemm-bound ms | fraction | unlabelled ms (fraction) | labelled ms | Pyro-shaped epoch s | trainer epoch s (47k) | eval acc s | eval ELBO s | CPU");
        for (var repeat = 0; repeat < repeats; repeat++)
            foreach (var threads in threadCounts)
                foreach (var fast in new[] { true, false })
                    Console.WriteLine(Row(threads, fast, rounds));
    }

    private static string Row(int threads, bool fast, int rounds)
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        var environment = new Dictionary<string, string> { [MklFastPath.SwitchVariable] = fast ? "1" : "0" };
        var line = ChildRun.Line(string.Create(CultureInfo.InvariantCulture, $"{SpeedProbe.ChildCommand} --threads {threads} --rounds {rounds}"), environment, "speed ");
        var v = line.Split(' ').Skip(1).Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        double D(string key) => double.Parse(v[key], CultureInfo.InvariantCulture);
        var rate = D("gflops") * 1e9;
        var jointFlops = M2Flops.Joint(200, 100);
        var bound = jointFlops / rate * 1000;
        var unlabelledFraction = M2Flops.Unlabelled(200) / rate * 1000 / D("unlabelled");
        var pyroEpoch = (UnlabelledBatches * D("unlabelled") + LabelledBatches * D("labelled") + D("accuracy")) / 1000;
        var trainerEpoch = (UnlabelledBatches * D("joint") + D("elbo")) / 1000;
        return string.Create(CultureInfo.InvariantCulture,
            $"{threads,7} | {(fast ? "fast" : "generic")} (branch {v["branch"]}) | {load} | {D("gflops"),13:F1} | {D("joint"),13:F1} | {jointFlops / 1e9,11:F2} | {bound,14:F1} | {bound / D("joint"),8:P0} | {D("unlabelled"),13:F1} ({unlabelledFraction:P0}) | {D("labelled"),11:F1} | {pyroEpoch,19:F1} | {trainerEpoch,21:F1} | {D("accuracy") / 1000,10:F2} | {D("elbo") / 1000,11:F2} | {CpuFeatures.Current.ModelName}");
    }
}
