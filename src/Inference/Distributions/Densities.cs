using System;
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

    /// <summary>log Categorical(index | logits) for class indices [B]; logits [..., B, K] may carry enumerated dimensions.</summary>
    public static Tensor CategoricalLogProb(Tensor index, Tensor logits)
    {
        using var scope = NewDisposeScope();
        var logProbs = nn.functional.log_softmax(logits, dim: -1);
        var batchShape = logProbs.shape[..^1];
        var indices = index.shape.Length == batchShape.Length ? index : index.expand(batchShape);
        return logProbs.gather(-1, indices.unsqueeze(-1)).squeeze(-1).MoveToOuterDisposeScope();
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
}
