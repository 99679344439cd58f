using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Bench;

/// <summary>
/// The float32 matrix products whose rate stands for the process's BLAS path (libtorch's MKL, fast path or not):
/// the M2 step's dominant shapes — the decoder's output layer over the enumerated batch ([2000, 500] × [500, 784]),
/// the first layer on x ([200, 784] × [784, 500]) and the encoder's heads ([2000, 500] × [500, 100]), each as
/// the layers compute it (<c>linear</c>: input × weightᵀ + bias, weight stored [out, in]). One pass multiplies each
/// once; timed interleaved with the steps it is compared with, so a noisy machine slows both alike.
/// </summary>
internal sealed class SgemmRate : IDisposable
{
    private static readonly (long M, long K, long N)[] Shapes = { (2000, 500, 784), (200, 784, 500), (2000, 500, 100) };
    private readonly (Tensor Input, Tensor Weight, Tensor Bias)[] _operands = Shapes.Select(s => (rand(s.M, s.K), rand(s.N, s.K), rand(s.N))).ToArray();

    /// <summary>Floating-point operations of one pass.</summary>
    public static double PassFlops => Shapes.Sum(s => 2.0 * s.M * s.K * s.N);

    public void Pass()
    {
        foreach (var (input, weight, bias) in _operands)
            nn.functional.linear(input, weight, bias).Dispose();
    }

    public void Dispose()
    {
        foreach (var (input, weight, bias) in _operands)
        {
            input.Dispose();
            weight.Dispose();
            bias.Dispose();
        }
    }
}
