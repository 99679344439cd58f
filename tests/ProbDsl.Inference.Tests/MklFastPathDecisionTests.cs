using System;
using System.IO;
using System.Runtime.InteropServices;
using ProbDsl.Inference.Blas;

namespace ProbDsl.Inference.Tests;

/// <summary>
/// The MKL fast path's run-time decision (src/Inference/Blas/MklFastPath.cs) as this test process took it: the
/// module initializer the build compiles into the test assembly ran before TorchSharp loaded libtorch, and the shim
/// is loaded exactly where the CPU calls for it. That it changes no result is MklFastPathTests (end-to-end tests).
/// </summary>
public class MklFastPathDecisionTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("off", true)]
    [InlineData(" False ", true)]
    [InlineData("no", true)]
    [InlineData("1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_switch_turns_the_fast_path_off_only_when_it_says_so(string? value, bool off) =>
        Assert.Equal(off, MklFastPath.SwitchedOff(value));

    [Fact]
    public void This_process_runs_the_path_its_cpu_calls_for()
    {
        var state = MklFastPath.Apply();
        var cpu = CpuFeatures.Current;
        var applies = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64
            && cpu.Vendor != CpuFeatures.Intel && cpu.Avx2Fma
            && !MklFastPath.SwitchedOff(Environment.GetEnvironmentVariable(MklFastPath.SwitchVariable));
        var built = File.Exists(Path.Combine(AppContext.BaseDirectory, MklFastPath.ShimFileName));

        Assert.DoesNotContain("loaded before", state.Reason); // the module initializer ran first
        Assert.Equal(applies && built, state.ShimLoaded);
        if (applies && !built)
            Assert.Contains("was not built", state.Reason);
    }

    [Fact]
    public void The_cpu_is_described_for_the_start_up_line()
    {
        Assert.False(string.IsNullOrWhiteSpace(CpuFeatures.Current.Vendor));
        Assert.Contains("BLAS: MKL fast path", BlasReport.Line());
    }
}
