using System;
using System.Diagnostics;
using static TorchSharp.torch;

namespace ProbDsl.Bench;

/// <summary>
/// The float32 matrix-product rate of the process's BLAS path (libtorch's MKL, fast path or not) on the M2 step's
/// dominant shapes: the decoder's output layer over the enumerated batch ([2000, 500] × [500, 784]), the first layer
/// on x ([200, 784] × [784, 500]) and the encoder's heads ([2000, 500] × [500, 100]). Total FLOPs ÷ total time.
/// </summary>
internal static class SgemmRate
{
    private static readonly (long M, long K, long N)[] Shapes = { (2000, 500, 784), (200, 784, 500), (2000, 500, 100) };

    public static double GigaflopsPerSecond(int repetitions = 20)
    {
        double flops = 0, seconds = 0;
        foreach (var (m, k, n) in Shapes)
        {
            using var scope = NewDisposeScope();
            var a = rand(m, k);
            var b = rand(k, n);
            for (var i = 0; i < 3; i++)
                a.mm(b);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < repetitions; i++)
                a.mm(b);
            seconds += clock.Elapsed.TotalSeconds;
            flops += 2.0 * m * k * n * repetitions;
        }
        return flops / seconds / 1e9;
    }
}
