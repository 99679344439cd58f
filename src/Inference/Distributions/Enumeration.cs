using System.Linq;
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
        var result = logProbs.shape[dim] == 1 ? logProbs.transpose(dim, -1).squeeze(-1) : Diagonal(logProbs, dim);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// When the logits already vary along the variable's own dimension — a prior p(c | z) whose z the guide draws
    /// given c — value k's log-probability is class k of the k-th slice: [.., K (at dim), .., B, K] → [.., K, .., B].
    /// </summary>
    private static Tensor Diagonal(Tensor logProbs, int dim)
    {
        var classes = logProbs.shape[^1];
        var indexShape = new long[logProbs.dim()];
        for (var i = 0; i < indexShape.Length; i++)
            indexShape[i] = 1;
        indexShape[dim] = classes;
        var target = logProbs.shape.ToArray();
        target[^1] = 1;
        var index = arange(classes, dtype: ScalarType.Int64, device: logProbs.device).reshape(indexShape).expand(target);
        return logProbs.gather(-1, index).squeeze(-1);
    }

    /// <summary>Class indices [B] as one-hot vectors [B, K] in <paramref name="like"/>'s dtype.</summary>
    public static Tensor OneHot(Tensor index, int classes, Tensor like) =>
        nn.functional.one_hot(index, classes).to(like.dtype);
}
