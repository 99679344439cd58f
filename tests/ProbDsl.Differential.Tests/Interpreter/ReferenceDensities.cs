using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Interpreter;

/// <summary>
/// The interpreter's own log-densities and KL divergences, written from the textbook formulas (not
/// ProbDsl.Inference's), each summed over the event (last) dimension. Parameters broadcast against the value.
/// </summary>
internal static class ReferenceDensities
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    public static Tensor LogSoftmax(Tensor logits) => logits - logits.logsumexp(-1, keepdim: true);

    public static Tensor Normal(Tensor value, Tensor loc, Tensor scale)
    {
        var z = (value - loc) / scale;
        return (z * z * -0.5 - scale.log() - HalfLogTwoPi).sum(-1);
    }

    /// <summary>The density of exp(u), u ~ Normal(loc, scale): the Normal of log v times the Jacobian 1/v.</summary>
    public static Tensor LogNormal(Tensor value, Tensor loc, Tensor scale) => Normal(value.log(), loc, scale) - value.log().sum(-1);

    /// <summary>x log σ(l) + (1 − x) log σ(−l) = x·l − log(1 + e^l).</summary>
    public static Tensor Bernoulli(Tensor value, Tensor logits) => (value * logits - nn.functional.softplus(logits)).sum(-1);

    public static Tensor Beta(Tensor value, Tensor alpha, Tensor beta) =>
        ((alpha - 1) * value.log() + (beta - 1) * (1 - value).log() - (alpha.lgamma() + beta.lgamma() - (alpha + beta).lgamma())).sum(-1);

    /// <summary>log Categorical at a one-hot (or relaxed, for p(c | ỹ)'s inputs only) value: Σ_k v_k log π_k.</summary>
    public static Tensor OneHot(Tensor value, Tensor logits) => (value * LogSoftmax(logits)).sum(-1);

    /// <summary>KL(N(μq, σq) ‖ N(μp, σp)) = log(σp/σq) + (σq² + (μq − μp)²) / (2σp²) − ½, per element.</summary>
    public static Tensor NormalKl(Tensor qLoc, Tensor qScale, Tensor pLoc, Tensor pScale)
    {
        var kl = (pScale / qScale).log() + (qScale * qScale + (qLoc - pLoc) * (qLoc - pLoc)) / (pScale * pScale * 2) - 0.5;
        return kl.sum(-1);
    }

    /// <summary>KL(q ‖ p) = Σ_k q_k (log q_k − log p_k) between categoricals given as logits.</summary>
    public static Tensor CategoricalKl(Tensor qLogits, Tensor pLogits)
    {
        var logQ = LogSoftmax(qLogits);
        return (logQ.exp() * (logQ - LogSoftmax(pLogits))).sum(-1);
    }
}
