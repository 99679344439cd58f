using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Bench;

/// <summary>
/// Peak memory of training steps, measured where libtorch allocates: in native memory, which the GC does not see.
/// Each configuration runs in a fresh child process (so no earlier configuration's peak or allocator cache counts):
/// it builds the model, its Adam optimiser and the batches, reads its resident set (VmRSS), runs the steps, and
/// reads the kernel's high-water mark of the resident set (VmHWM) from /proc/self/status. The step's peak memory
/// is VmHWM − that VmRSS: activations kept for backward, gradients, Adam's moments, allocator slack.
/// </summary>
internal static class PeakMemory
{
    public const string ChildCommand = "peak-memory-child";

    /// <summary>Peak memory of <paramref name="steps"/> steps of one configuration, in MiB: (above the set-up process, whole process).</summary>
    public static (double StepPeak, double ProcessPeak) Measure(int k, string strategy, int steps, int threads)
    {
        var self = Environment.ProcessPath!;
        var prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? $"\"{Assembly.GetEntryAssembly()!.Location}\" " : "";
        var start = new ProcessStartInfo(self, string.Create(CultureInfo.InvariantCulture,
            $"{prefix}{ChildCommand} --k {k} --strategy {strategy} --steps {steps} --threads {threads}"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("kib ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"peak-memory child (K = {k}, {strategy}) exited with {child.ExitCode}: {output}");
        var numbers = line.Split(' ').Skip(1).Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return ((numbers[1] - numbers[0]) / 1024.0, numbers[1] / 1024.0);
    }

    /// <summary>The child: one configuration; prints "kib &lt;VmRSS after set-up&gt; &lt;VmHWM after the steps&gt;".</summary>
    public static void RunChild(string[] args)
    {
        int Arg(string name) => int.Parse(args[Array.IndexOf(args, name) + 1], CultureInfo.InvariantCulture);
        var strategy = args[Array.IndexOf(args, "--strategy") + 1];
        torch.set_num_threads(Arg("--threads"));
        manual_seed(0);
        var k = Arg("--k");
        var model = KScaling.Create(k, strategy);
        var step = KScaling.Step(model, rand(100, 784).gt(0.5).to(float32), randint(0, k, new long[] { 100 }, dtype: int64), rand(200, 784).gt(0.5).to(float32));
        var setUp = StatusKib("VmRSS");
        for (var i = 0; i < Arg("--steps"); i++)
            step();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kib {setUp} {StatusKib("VmHWM")}"));
        ((nn.Module)model).Dispose();
    }

    private static long StatusKib(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Substring(field.Length + 1).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
