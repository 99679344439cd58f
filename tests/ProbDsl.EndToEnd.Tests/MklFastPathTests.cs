using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Blas;
using Xunit.Abstractions;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// The MKL fast path (src/Inference/Blas/MklFastPath.cs) changes which kernels multiply matrices, never the result
/// beyond float rounding: M2's float32 training step run in a child process with the fast path on and in one with
/// it off gives the same loss and gradients. Where the CPU does not get the shim (Intel, no AVX2) both children run
/// the same path and the comparison holds trivially; the output says which.
/// </summary>
public class MklFastPathTests
{
    private readonly ITestOutputHelper _output;

    public MklFastPathTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void M2_step_gives_the_same_loss_and_gradients_with_the_fast_path_on_and_off()
    {
        var (onState, on) = ChildStep(fastPath: true);
        var (offState, off) = ChildStep(fastPath: false);
        _output.WriteLine($"fast path on: {onState}; off: {offState}");
        Assert.Contains("shim=False", offState);
        if (MklFastPath.Apply().ShimLoaded)
            Assert.Contains("shim=True", onState); // this process got the shim, so the "on" child must have too

        Assert.Equal(on.Length, off.Length);
        var lossDifference = Math.Abs(on[0] - off[0]);
        var scale = off.Skip(1).Max(Math.Abs);
        var worst = on.Zip(off).Skip(1).Max(pair => Math.Abs(pair.First - pair.Second));
        _output.WriteLine($"loss {off[0]} (|difference| {lossDifference}); gradients: max |difference| {worst}, max |gradient| {scale}");
        Assert.True(Math.Abs(off[0]) > 100, "a loss of hundreds of nats, so the comparison is not of zeros");
        Assert.True(lossDifference <= 1e-5 * Math.Abs(off[0]), $"loss {on[0]} vs {off[0]}");
        // Gradients: different kernels sum in a different order; float32 rounding gives relative differences
        // ~1e-6 per product, so allow 1e-4 of the largest gradient entry.
        Assert.True(worst <= 1e-4 * scale, $"max |gradient difference| {worst} vs max |gradient| {scale}");
    }

    private static (string State, float[] Values) ChildStep(bool fastPath)
    {
        var file = Path.GetTempFileName();
        try
        {
            var assembly = typeof(Program).Assembly.Location;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { assembly, Program.M2StepCommand, file })
                start.ArgumentList.Add(argument);
            start.Environment[MklFastPath.SwitchVariable] = fastPath ? "1" : "0";
            using var child = Process.Start(start)!;
            var stdout = child.StandardOutput.ReadToEnd();
            var stderr = child.StandardError.ReadToEnd();
            child.WaitForExit();
            Assert.True(child.ExitCode == 0, $"child exited with {child.ExitCode}: {stdout} {stderr}");
            var bytes = File.ReadAllBytes(file);
            var values = Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, 4 * i)).ToArray();
            return (stdout.Trim(), values);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
