// Compiled into every program that loads TorchSharp (build/MklFastPath.targets). The module initializer runs before
// Main and before any test, so the MKL shim is in place before TorchSharp loads libtorch, whose MKL decides its code
// path once per process.
namespace ProbDsl.Build;

internal static class MklFastPathStartup
{
#pragma warning disable CA2255 // a program-level initializer on purpose: it must run before the first TorchSharp call
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply() => ProbDsl.Inference.Blas.MklFastPath.Apply();
}
