using System;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace ProbDsl.Inference.Blas;

/// <summary>What MKL's dispatch looks at: the CPU's vendor and its vector instruction sets; and the model name to print beside timings.</summary>
public sealed record CpuFeatures(string Vendor, string ModelName, bool Avx2Fma, bool Avx512)
{
    public const string Intel = "GenuineIntel";

    public static CpuFeatures Current { get; } = Detect();

    /// <summary>"AVX-512", "AVX2" or "no AVX2": the widest kernels MKL can use here.</summary>
    public string VectorLevel => Avx512 ? "AVX-512" : Avx2Fma ? "AVX2" : "no AVX2";

    private static CpuFeatures Detect() =>
        new(ReadVendor(), ReadModelName(), Avx2.IsSupported && Fma.IsSupported, Avx512F.IsSupported && Avx512BW.IsSupported);

    /// <summary>CPUID leaf 0 spells the vendor in EBX, EDX, ECX ("AuthenticAMD", "GenuineIntel").</summary>
    private static string ReadVendor()
    {
        if (!X86Base.IsSupported)
            return "not x86";
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        var bytes = new[] { ebx, edx, ecx }.SelectMany(BitConverter.GetBytes).ToArray();
        return Encoding.ASCII.GetString(bytes);
    }

    private static string ReadModelName()
    {
        const string cpuinfo = "/proc/cpuinfo";
        var line = File.Exists(cpuinfo) ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? "unknown CPU" : line.Substring(line.IndexOf(':') + 1).Trim();
    }
}
