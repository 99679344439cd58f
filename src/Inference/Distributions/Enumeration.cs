using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Distributions;

/// <summary>
/// Support tensors for enumerating a categorical in one batched pass: the values sit on a new leading
/// dimension of size K and broadcast against the batch, so nothing is looped K times.
/// </summary>
public static class Enumeration
{
    /// <summary>All K one-hot vectors as a [K, 1, K] tensor on <paramref name="like"/>'s device and dtype.</summary>
    public static Tensor OneHotSupport(int classes, Tensor like) =>
        eye(classes, dtype: like.dtype, device: like.device).unsqueeze(1);

    /// <summary>Class indices [B] as one-hot vectors [B, K] in <paramref name="like"/>'s dtype.</summary>
    public static Tensor OneHot(Tensor index, int classes, Tensor like) =>
        nn.functional.one_hot(index, classes).to(like.dtype);
}
