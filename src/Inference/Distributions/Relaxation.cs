using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Distributions;

/// <summary>
/// The Gumbel-Softmax / Concrete relaxation of a categorical (Jang et al. 2017; Maddison et al. 2017):
/// softmax((logits + g) / τ) with g ~ Gumbel(0, 1), differentiable in the logits.
/// </summary>
public static class Relaxation
{
    /// <summary>
    /// A relaxed one-hot sample [..., K]. With <paramref name="hard"/>, the straight-through variant: the forward
    /// value is the one-hot argmax (the Gumbel-max sample, exactly distributed as the categorical), the gradient
    /// that of the soft sample. Its Gumbel noise comes from <see cref="Noise.Gumbel"/>, under <paramref name="variable"/>.
    /// </summary>
    public static Tensor GumbelSoftmax(Tensor logits, double temperature, bool hard, string variable = "")
    {
        using var scope = NewDisposeScope();
        var gumbel = Noise.Gumbel(variable, logits);
        var soft = nn.functional.softmax((logits + gumbel) / temperature, dim: -1);
        if (!hard)
            return soft.MoveToOuterDisposeScope();
        var oneHot = nn.functional.one_hot(soft.argmax(-1), logits.shape[^1]).to(soft.dtype);
        return (oneHot - soft.detach() + soft).MoveToOuterDisposeScope();
    }
}
