using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ProbDsl.Inference.Blas;

/// <summary>
/// Makes libtorch's bundled MKL use its fast kernels on non-Intel x86-64 CPUs. MKL asks
/// <c>mkl_serv_intel_cpu_true()</c> before dispatching and, on other vendors, takes a generic path that multiplies
/// float32 matrices 2–4× slower (AMD EPYC, 2026-11-30: 37–81 vs 150–187 GFLOP/s on one thread). The shim
/// <c>libprobdsl_mkl_fast_path.so</c> (built from <c>mkl_fast_path.c</c> next to this file) defines that function
/// as returning 1; opened RTLD_GLOBAL before libtorch is loaded, it is what libtorch_cpu.so's PLT entry binds to.
/// MKL then picks its kernels from the CPU's instruction sets, which is why it is loaded only where the CPU has
/// AVX2 and FMA. On by default; <c>PROBDSL_MKL_FAST_PATH=0</c> turns it off. Must run before the first TorchSharp
/// call: MKL's dispatch is decided once per process.
/// </summary>
public static class MklFastPath
{
    public const string SwitchVariable = "PROBDSL_MKL_FAST_PATH";
    public const string ShimFileName = "libprobdsl_mkl_fast_path.so";
    private const string Libtorch = "libtorch_cpu.so";

    private static readonly object Gate = new();
    private static MklFastPathState? _state;

    /// <summary>Decides and, where it applies, loads the shim; idempotent. Returns what was decided and why.</summary>
    public static MklFastPathState Apply()
    {
        lock (Gate)
            return _state ??= DecideSafely();
    }

    /// <summary>It runs from module initializers, before Main: an optimisation must never stop a program from starting.</summary>
    private static MklFastPathState DecideSafely()
    {
        try
        {
            return Decide();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or IOException or UnauthorizedAccessException)
        {
            return MklFastPathState.Off($"could not be applied: {e.Message}");
        }
    }

    /// <summary>True when the switch variable turns the fast path off (0, false, off, no).</summary>
    public static bool SwitchedOff(string? value) =>
        value?.Trim().ToLowerInvariant() is "0" or "false" or "off" or "no";

    private static MklFastPathState Decide()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return MklFastPathState.Off("not Linux x86-64");
        var setting = Environment.GetEnvironmentVariable(SwitchVariable);
        if (SwitchedOff(setting))
            return MklFastPathState.Off($"{SwitchVariable}={setting}");
        var cpu = CpuFeatures.Current;
        if (cpu.Vendor == CpuFeatures.Intel)
            return MklFastPathState.Off("Intel CPU: MKL's own fast path");
        if (!cpu.Avx2Fma)
            return MklFastPathState.Off("the CPU lacks AVX2/FMA");
        if (NativeLibraries.FindLoaded(Libtorch) is not null)
            return MklFastPathState.Off("libtorch was loaded before the shim could be");
        return Load(Path.Combine(AppContext.BaseDirectory, ShimFileName));
    }

    private static MklFastPathState Load(string shim)
    {
        if (!File.Exists(shim))
            return MklFastPathState.Off($"{ShimFileName} was not built (no C compiler at build time)");
        var error = NativeLibraries.LoadGlobal(shim);
        return error is null ? MklFastPathState.On() : MklFastPathState.Off($"the shim did not load: {error}");
    }
}

/// <summary>Whether the MKL shim was loaded, and why (or why not).</summary>
public sealed record MklFastPathState(bool ShimLoaded, string Reason)
{
    public static MklFastPathState On() => new(true, "MKL vendor check interposed");

    public static MklFastPathState Off(string reason) => new(false, reason);
}
