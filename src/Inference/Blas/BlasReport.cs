using System.Runtime.InteropServices;


namespace ProbDsl.Inference.Blas;

/// <summary>
/// The start-up line saying which BLAS path this process runs: the shim's decision, the CPU, and the code path MKL
/// actually chose (<c>mkl_serv_cpu_detect</c>, exported by libtorch_cpu.so; observed on an AVX-512 AMD EPYC: 0,
/// the generic path, without the shim, 7 with it). Call after TorchSharp has loaded libtorch.
/// </summary>
public static class BlasReport
{
    public static string Line()
    {
        var state = MklFastPath.Apply();
        var cpu = CpuFeatures.Current;
        var branch = MklCpuBranch() is int code ? $"MKL CPU branch {code}" : "libtorch not loaded yet";
        var path = state.ShimLoaded ? "MKL fast path ON" : "MKL fast path off";
        var hint = state.ShimLoaded ? $"; {MklFastPath.SwitchVariable}=0 turns it off" : "";
        return $"BLAS: {path} ({state.Reason}; {branch}); CPU {cpu.ModelName} ({cpu.Vendor}, {cpu.VectorLevel}){hint}";
    }

    /// <summary>The ISA branch MKL dispatches to (after the shim, if any, took effect), or null when libtorch is not loaded.</summary>
    public static int? MklCpuBranch()
    {
        var libtorch = NativeLibraries.FindLoaded("libtorch_cpu.so");
        if (libtorch is null || !NativeLibrary.TryLoad(libtorch, out var handle))
            return null;
        if (!NativeLibrary.TryGetExport(handle, "mkl_serv_cpu_detect", out var detect))
            return null;
        return Marshal.GetDelegateForFunctionPointer<IntFunction>(detect)();
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int IntFunction();
}
