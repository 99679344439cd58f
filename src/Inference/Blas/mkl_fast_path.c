/*
 * Interposes MKL's vendor check. libtorch_cpu.so (TorchSharp-cpu) links Intel MKL statically and exports
 * mkl_serv_intel_cpu_true; MKL's own calls to it go through the PLT (R_X86_64_JUMP_SLOT), so a definition loaded
 * earlier into the global symbol scope wins. Returning 1 lets MKL choose its kernels by the CPU's instruction
 * sets (AVX2, AVX-512) instead of taking its generic path on non-Intel CPUs. Loaded only where
 * src/Inference/Blas/MklFastPath.cs decides the CPU has those instruction sets.
 */
int mkl_serv_intel_cpu_true(void)
{
    return 1;
}
