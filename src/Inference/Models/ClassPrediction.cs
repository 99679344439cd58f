using System;
using System.Linq;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ProbDsl.Inference.Models;

/// <summary>
/// The classifier of a guide whose q(y|a,x) reads a latent a drawn first (Maaløe et al.'s auxiliary variable):
/// q(y|x) = E_{q(a|x)}[q(y|a,x)] has no closed form, so it is estimated from draws of a.
/// </summary>
public static class ClassPrediction
{
    /// <summary>log of the mean of softmax(logits) over <paramref name="draws"/> calls, [B, K]: valid logits of the estimate.</summary>
    public static Tensor AverageOverDraws(Func<Tensor> logits, int draws)
    {
        using var scope = NewDisposeScope();
        var logProbabilities = stack(Enumerable.Range(0, draws).Select(_ => F.log_softmax(logits(), dim: -1)).ToArray());
        return (logProbabilities.logsumexp(0) - Math.Log(draws)).MoveToOuterDisposeScope();
    }
}
