using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Distributions;

/// <summary>
/// Layout for enumerating discrete variables in one batched pass: with m enumerated variables, a per-example
/// quantity has shape [K_1, ..., K_m, B] and variable i's values sit on dimension i (size 1 elsewhere), so
/// tensors broadcast against each other and against the batch, and nothing is looped.
/// </summary>
public static class Enumeration
{
    /// <summary>
    /// All K one-hot vectors of variable <paramref name="dim"/> among <paramref name="enumeratedDims"/>, shaped
    /// [1, ..., K (at dim), ..., 1, 1 (batch), K] on <paramref name="like"/>'s device and dtype.
    /// </summary>
    public static Tensor OneHotSupport(int classes, int dim, int enumeratedDims, Tensor like)
    {
        var shape = new long[enumeratedDims + 2];
        for (var i = 0; i < shape.Length; i++)
            shape[i] = 1;
        shape[dim] = classes;
        shape[^1] = classes;
        return eye(classes, dtype: like.dtype, device: like.device).reshape(shape);
    }

    /// <summary>
    /// log-probabilities from logits [..., B, K] (leading enumerated dimensions optional), with the K classes
    /// moved to dimension <paramref name="dim"/>: the result is [.., K (at dim), .., B].
    /// </summary>
    public static Tensor LogProbsAt(Tensor logits, int dim, int enumeratedDims)
    {
        using var scope = NewDisposeScope();
        var logProbs = nn.functional.log_softmax(logits, dim: -1);
        while (logProbs.dim() < enumeratedDims + 2)
            logProbs = logProbs.unsqueeze(0);
        return logProbs.transpose(dim, -1).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>Class indices [B] as one-hot vectors [B, K] in <paramref name="like"/>'s dtype.</summary>
    public static Tensor OneHot(Tensor index, int classes, Tensor like) =>
        nn.functional.one_hot(index, classes).to(like.dtype);
}
