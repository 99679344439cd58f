using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Distributions;

/// <summary>
/// The score-function (REINFORCE) estimator for a discrete latent sampled from q: the gradient of E_q[f] is
/// E_q[∇f + (f - b)·∇log q] for any constant baseline b.
/// </summary>
public static class ScoreFunction
{
    /// <summary>Draws one class index per row from log-probabilities [..., K]; no gradient flows through the draw.</summary>
    public static Tensor SampleIndex(Tensor logProbabilities)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var probabilities = logProbabilities.detach().exp();
        return multinomial(probabilities, 1).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// f + (f - b)·log q with the learning signal detached, rewritten so that its <em>value</em> is f (what is
    /// reported as the bound) while its gradient is the score-function estimator's.
    /// </summary>
    public static Tensor Surrogate(Tensor f, Tensor logQ, double baseline)
    {
        using var scope = NewDisposeScope();
        var score = (f.detach() - baseline) * logQ;
        return (f + score - score.detach()).MoveToOuterDisposeScope();
    }
}

/// <summary>An exponential moving average of the learning signal, used as the REINFORCE baseline.</summary>
public sealed class MovingAverageBaseline
{
    private readonly double _decay;
    private bool _started;

    public MovingAverageBaseline(double decay) => _decay = decay;

    public double Value { get; private set; }

    /// <summary>Folds in the mean learning signal of a batch (first batch: taken as is).</summary>
    public void Update(Tensor signal)
    {
        var mean = signal.detach().mean().ToDouble();
        Value = _started ? _decay * Value + (1 - _decay) * mean : mean;
        _started = true;
    }
}
