using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The variance of a stochastic gradient over minibatches: each of M losses is differentiated with respect to the
/// parameters, and per scalar parameter the sample variance (n − 1) of its M partial derivatives is summed. The
/// running sums are kept in float64. The gradients are zeroed before each loss and after the last.
/// </summary>
public static class GradientVariance
{
    /// <param name="loss">The loss of the m-th minibatch (m = 0 … M−1), a scalar with a graph to <paramref name="parameters"/>.</param>
    /// <returns>The total variance, the squared norm of the mean gradient, and the number of scalar parameters.</returns>
    public static (double TotalVariance, double MeanSquaredNorm, long Count) Measure(IReadOnlyList<Parameter> parameters, int minibatches, Func<int, Tensor> loss)
    {
        if (minibatches < 2)
            throw new ArgumentOutOfRangeException(nameof(minibatches), minibatches, "A variance needs at least two minibatches.");
        using var scope = NewDisposeScope();
        var sums = parameters.Select(p => zeros(p.shape, float64, p.device)).ToArray();
        var squares = parameters.Select(p => zeros(p.shape, float64, p.device)).ToArray();
        for (var m = 0; m < minibatches; m++)
        {
            Zero(parameters);
            using (var step = NewDisposeScope())
                loss(m).backward();
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i].grad is not { } grad)
                    continue; // a parameter the loss does not reach: its derivative is 0 in every minibatch
                using var g = grad.to(float64);
                sums[i].add_(g);
                squares[i].add_(g * g);
            }
        }
        Zero(parameters);
        double variance = 0, meanNorm = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            var mean = sums[i] / minibatches;
            // Σ (g − ḡ)² = Σ g² − M ḡ²; clamped at 0 against rounding.
            variance += ((squares[i] - mean * mean * minibatches).clamp_min(0) / (minibatches - 1)).sum().ToDouble();
            meanNorm += (mean * mean).sum().ToDouble();
        }
        return (variance, meanNorm, parameters.Sum(p => p.numel()));
    }

    private static void Zero(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
            p.grad?.zero_();
    }
}
