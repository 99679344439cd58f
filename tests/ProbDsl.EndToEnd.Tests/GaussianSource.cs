using System;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>Standard normal draws from <see cref="Random"/> by Box–Muller: noise that owes nothing to libtorch.</summary>
internal sealed class GaussianSource
{
    private readonly Random _random;

    public GaussianSource(int seed) => _random = new Random(seed);

    public double Next()
    {
        var u = 1.0 - _random.NextDouble(); // in (0, 1], so the log is finite
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * _random.NextDouble());
    }
}
