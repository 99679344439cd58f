using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Examples.Mixture;

/// <summary>
/// The data's true generating process, known exactly: a component k uniform over three prototypes of six pixels,
/// then every pixel of the prototype flipped with probability 0.1. Its posterior p*(k|x) is therefore exact too.
/// </summary>
internal static class KnownMixture
{
    public const int Components = 3, Pixels = 6;

    private const double Flip = 0.1;

    public static readonly double[][] Prototypes =
    {
        new double[] { 1, 1, 1, 0, 0, 0 },
        new double[] { 0, 0, 0, 1, 1, 1 },
        new double[] { 1, 0, 1, 0, 1, 0 },
    };

    /// <summary><paramref name="count"/> images [count, 6] and the component each was drawn from [count].</summary>
    public static (Tensor Images, int[] Components) Sample(int count, int seed)
    {
        var random = new Random(seed);
        var components = Enumerable.Range(0, count).Select(_ => random.Next(Components)).ToArray();
        var pixels = components.SelectMany(k => Prototypes[k].Select(p => random.NextDouble() < Flip ? 1 - p : p)).ToArray();
        return (tensor(pixels, new long[] { count, Pixels }, dtype: float32), components);
    }

    /// <summary>log p*(k|x) under the true parameters, [B, 3].</summary>
    public static Tensor LogPosterior(Tensor x)
    {
        var prototypes = tensor(Prototypes.SelectMany(p => p).ToArray(), new long[] { Components, Pixels }, dtype: x.dtype);
        var agree = x.unsqueeze(1).eq(prototypes.unsqueeze(0)).to(x.dtype);                // [B, 3, 6]
        var logJoint = (agree * Math.Log(1 - Flip) + (1 - agree) * Math.Log(Flip)).sum(dim: -1); // uniform prior cancels
        return nn.functional.log_softmax(logJoint, 1);
    }
}
