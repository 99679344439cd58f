using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Distributions;

/// <summary>
/// Log-densities and KL divergences the generated bounds call, each summed over the event (last) dimension
/// and broadcasting over any leading enumeration and batch dimensions.
/// </summary>
public static class Densities
{
    /// <summary>log Bernoulli(x | logits), summed over the last dimension. x may have fewer leading dims than logits.</summary>
    public static Tensor BernoulliLogProb(Tensor x, Tensor logits)
    {
        using var scope = NewDisposeScope();
        // The fused, numerically stable BCE kernel needs equal shapes; broadcasting makes views, so nothing is copied.
        // Either side may carry the enumeration dimension: logits [K, B, D] with x [B, D], or logits [K, 1, D].
        var both = broadcast_tensors(logits, x);
        var nll = nn.functional.binary_cross_entropy_with_logits(both[0], both[1], reduction: nn.Reduction.None);
        return nll.sum(dim: -1).neg_().MoveToOuterDisposeScope();
    }

    /// <summary>log Normal(value | loc, scale), summed over the last dimension.</summary>
    public static Tensor NormalLogProb(Tensor value, Tensor loc, Tensor scale)
    {
        using var scope = NewDisposeScope();
        var standardised = (value - loc) / scale;
        var logDensity = standardised.square().mul(-0.5) - scale.log() - 0.5 * Math.Log(2 * Math.PI);
        return logDensity.sum(dim: -1).MoveToOuterDisposeScope();
    }

    /// <summary>KL(Normal(loc, scale) || Normal(priorLoc, priorScale)) in closed form, summed over the last dimension.</summary>
    public static Tensor NormalKl(Tensor loc, Tensor scale, double priorLoc, double priorScale)
    {
        using var scope = NewDisposeScope();
        var variance = scale.square();
        var kl = (variance + (loc - priorLoc).square()) / (2 * priorScale * priorScale) - scale.log() + (Math.Log(priorScale) - 0.5);
        return kl.sum(dim: -1).MoveToOuterDisposeScope();
    }

    /// <summary>KL between two diagonal Normals whose parameters are tensors (e.g. a learned prior).</summary>
    public static Tensor NormalKl(Tensor loc, Tensor scale, Tensor priorLoc, Tensor priorScale)
    {
        using var scope = NewDisposeScope();
        var kl = (scale.square() + (loc - priorLoc).square()) / (2 * priorScale.square()) + priorScale.log() - scale.log() - 0.5;
        return kl.sum(dim: -1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// log Categorical(index | logits) for class indices [B]; logits [..., B, K] may carry enumerated dimensions,
    /// and may lack the batch ([..., 1, K]) when they depend on enumerated variables alone.
    /// </summary>
    public static Tensor CategoricalLogProb(Tensor index, Tensor logits)
    {
        using var scope = NewDisposeScope();
        var logProbs = nn.functional.log_softmax(logits, dim: -1);
        var batchShape = BroadcastShapes(logProbs.shape[..^1], index.shape);
        var indices = index.expand(batchShape).unsqueeze(-1);
        var expanded = logProbs.expand(batchShape.Append(logProbs.shape[^1]).ToArray());
        return expanded.gather(-1, indices).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>The shape two tensors broadcast to (dimensions aligned from the right).</summary>
    private static long[] BroadcastShapes(long[] a, long[] b)
    {
        var shape = new long[Math.Max(a.Length, b.Length)];
        for (var i = 1; i <= shape.Length; i++)
        {
            var left = i <= a.Length ? a[^i] : 1;
            var right = i <= b.Length ? b[^i] : 1;
            if (left != right && left != 1 && right != 1)
                throw new ArgumentException($"Shapes [{string.Join(", ", a)}] and [{string.Join(", ", b)}] do not broadcast.");
            shape[^i] = Math.Max(left, right);
        }
        return shape;
    }

    /// <summary>KL(q || p) between categoricals given as log-probabilities [..., K], summed over the classes.</summary>
    public static Tensor CategoricalKl(Tensor logQ, Tensor logP)
    {
        using var scope = NewDisposeScope();
        return (logQ.exp() * (logQ - logP)).sum(dim: -1).MoveToOuterDisposeScope();
    }

    /// <summary>KL(q || uniform over K classes) = Σ q log q + log K.</summary>
    public static Tensor CategoricalKlToUniform(Tensor logQ)
    {
        using var scope = NewDisposeScope();
        return ((logQ.exp() * logQ).sum(dim: -1) + Math.Log(logQ.shape[^1])).MoveToOuterDisposeScope();
    }

    /// <summary>log Normal(value | loc, scale) with a fixed scale (observation noise), summed over the last dimension.</summary>
    public static Tensor NormalLogProb(Tensor value, Tensor loc, double scale)
    {
        using var scope = NewDisposeScope();
        var logDensity = ((value - loc) / scale).square().mul(-0.5) - (Math.Log(scale) + 0.5 * Math.Log(2 * Math.PI));
        return logDensity.sum(dim: -1).MoveToOuterDisposeScope();
    }

    /// <summary>log Normal(value | loc, scale) with both parameters fixed (a sampled term against a constant prior).</summary>
    public static Tensor NormalLogProb(Tensor value, double loc, double scale)
    {
        using var scope = NewDisposeScope();
        var logDensity = ((value - loc) / scale).square().mul(-0.5) - (Math.Log(scale) + 0.5 * Math.Log(2 * Math.PI));
        return logDensity.sum(dim: -1).MoveToOuterDisposeScope();
    }

    /// <summary>log LogNormal(value | loc, scale) with both parameters fixed.</summary>
    public static Tensor LogNormalLogProb(Tensor value, double loc, double scale)
    {
        using var scope = NewDisposeScope();
        var logValue = value.log();
        return (NormalLogProb(logValue, loc, scale) - logValue.sum(dim: -1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// log LogNormal(value | loc, scale) = log Normal(log value | loc, scale) − log value (the Jacobian of exp),
    /// summed over the last dimension. Values must be positive.
    /// </summary>
    public static Tensor LogNormalLogProb(Tensor value, Tensor loc, Tensor scale)
    {
        using var scope = NewDisposeScope();
        var logValue = value.log();
        return (NormalLogProb(logValue, loc, scale) - logValue.sum(dim: -1)).MoveToOuterDisposeScope();
    }

    /// <summary>The same with a fixed scale.</summary>
    public static Tensor LogNormalLogProb(Tensor value, Tensor loc, double scale)
    {
        using var scope = NewDisposeScope();
        var logValue = value.log();
        return (NormalLogProb(logValue, loc, scale) - logValue.sum(dim: -1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// KL between LogNormals: exp is a bijection and KL is invariant under one, so it is the KL of the Normals of
    /// the logs.
    /// </summary>
    public static Tensor LogNormalKl(Tensor loc, Tensor scale, double priorLoc, double priorScale) => NormalKl(loc, scale, priorLoc, priorScale);

    /// <summary>The same with a prior whose parameters are tensors.</summary>
    public static Tensor LogNormalKl(Tensor loc, Tensor scale, Tensor priorLoc, Tensor priorScale) => NormalKl(loc, scale, priorLoc, priorScale);

    /// <summary>
    /// log Beta(value | α = concentration1, β = concentration0)
    /// = (α − 1) log v + (β − 1) log(1 − v) − log B(α, β), with log B(α, β) = lnΓ(α) + lnΓ(β) − lnΓ(α + β),
    /// summed over the last dimension. Values must lie in the open interval (0, 1).
    /// </summary>
    public static Tensor BetaLogProb(Tensor value, Tensor concentration1, Tensor concentration0)
    {
        using var scope = NewDisposeScope();
        var logBeta = concentration1.lgamma() + concentration0.lgamma() - (concentration1 + concentration0).lgamma();
        var logDensity = (concentration1 - 1) * value.log() + (concentration0 - 1) * value.neg().log1p() - logBeta;
        return logDensity.sum(dim: -1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// log OneHotCategorical(value | logits) for one-hot rows [B, K] (the class's log-probability); logits
    /// [..., B, K] may carry enumerated dimensions.
    /// </summary>
    public static Tensor OneHotCategoricalLogProb(Tensor value, Tensor logits)
    {
        using var scope = NewDisposeScope();
        return (value * nn.functional.log_softmax(logits, dim: -1)).sum(dim: -1).MoveToOuterDisposeScope();
    }
}
