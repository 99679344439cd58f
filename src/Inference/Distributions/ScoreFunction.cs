using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Distributions;

/// <summary>
/// The score-function (REINFORCE) estimator for a discrete latent sampled from q: the gradient of E_q[f] is
/// E_q[∇f + (f - b)·∇log q] for any constant baseline b.
/// </summary>
public static class ScoreFunction
{
    /// <summary>Draws one class index per row from log-probabilities [..., K] (see <see cref="Noise.Categorical"/>); no gradient flows through the draw.</summary>
    public static Tensor SampleIndex(Tensor logProbabilities, string variable = "") => Noise.Categorical(variable, logProbabilities);

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

    /// <summary>
    /// The same with a per-example baseline [B] that is itself learned: a zero-valued regression term
    /// -½(f - b)² (f detached) trains b to predict f, while b enters the score term detached.
    /// </summary>
    public static Tensor Surrogate(Tensor f, Tensor logQ, Tensor baseline)
    {
        using var scope = NewDisposeScope();
        var score = (f.detach() - baseline.detach()) * logQ;
        var regression = (f.detach() - baseline).square().mul(-0.5);
        return (f + score - score.detach() + regression - regression.detach()).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// An input-dependent baseline: a linear function of the data (zero at first), added to the moving average.
/// Trained by the regression term of <see cref="ScoreFunction.Surrogate(Tensor, Tensor, Tensor)"/>.
/// </summary>
public sealed class LearnedBaseline : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear linear;

    public LearnedBaseline(int inputs) : base(nameof(LearnedBaseline))
    {
        linear = nn.Linear(inputs, 1);
        using (no_grad())
        {
            linear.weight!.zero_();
            linear.bias!.zero_();
        }
        RegisterComponents();
    }

    /// <summary>The baseline's correction for each example, [B].</summary>
    public override Tensor forward(Tensor x) => linear.call(x).squeeze(-1);
}

/// <summary>An exponential moving average of the learning signal, used as the REINFORCE baseline.</summary>
public sealed class MovingAverageBaseline
{
    private readonly double _decay;
    private bool _started;

    public MovingAverageBaseline(double decay) => _decay = decay;

    public double Value { get; private set; }

    /// <summary>Whether a batch has been folded in yet; with <see cref="Value"/>, the whole state a checkpoint keeps.</summary>
    public bool Started => _started;

    /// <summary>Puts back the state of a checkpoint, so that a resumed run uses the same baseline as the original.</summary>
    public void Restore(double value, bool started)
    {
        Value = value;
        _started = started;
    }

    /// <summary>Folds in the mean learning signal of a batch (first batch: taken as is).</summary>
    public void Update(Tensor signal)
    {
        var mean = signal.detach().mean().ToDouble();
        Value = _started ? _decay * Value + (1 - _decay) * mean : mean;
        _started = true;
    }
}
