namespace ProbDsl.Dsl.Ir;

/// <summary>How a discrete latent is handled in the bound.</summary>
public enum InferenceStrategy
{
    /// <summary>Exact marginalisation over the support, in one batched pass.</summary>
    Enumerate,

    /// <summary>Gumbel-Softmax / Concrete relaxation (Jang et al. 2017; Maddison et al. 2017), reparameterised.</summary>
    Relax,

    /// <summary>Score-function (REINFORCE) estimator: y sampled discretely, with a variance-reducing baseline.</summary>
    Reinforce,
}

/// <summary>The baseline subtracted from the score-function estimator's learning signal.</summary>
public enum BaselineKind
{
    /// <summary>No baseline: unbiased, high variance.</summary>
    None,

    /// <summary>An exponential moving average of the learning signal over training batches.</summary>
    Average,

    /// <summary>The moving average plus a learned linear function of the data, trained to predict the signal.</summary>
    Learned,
}

/// <summary>Settings of the score-function estimator: the baseline and, for a moving average, its decay.</summary>
public sealed record ReinforceIr(BaselineKind Baseline, double Decay)
{
    public static ReinforceIr Default { get; } = new(BaselineKind.Average, 0.99);

    public NodeMeta Meta { get; init; } = NodeMeta.None;
}

/// <summary>
/// Settings of the Concrete relaxation: temperature τ = max(TauMin, Tau0·exp(-Rate·t)), with t the training
/// step rounded down to a multiple of Every (Jang et al. 2017); Hard is the straight-through variant.
/// </summary>
public sealed record RelaxationIr(double Tau0, double TauMin, double Rate, int Every, bool Hard)
{
    /// <summary>Jang et al.'s semi-supervised MNIST settings: τ from 1 annealed towards 0.5, updated every 500 steps.</summary>
    public static RelaxationIr Default { get; } = new(1.0, 0.5, 3e-5, 500, false);

    public NodeMeta Meta { get; init; } = NodeMeta.None;
}

/// <summary>
/// <c>infer y by enumerate</c>, <c>infer y by relax(tau: 1.0 -> 0.5, rate: 3e-5, every: 500, hard)</c>,
/// <c>infer y by reinforce(baseline: average, decay: 0.99)</c>.
/// </summary>
public sealed record InferenceIr(string Variable, InferenceStrategy Strategy, RelaxationIr? Relaxation = null, ReinforceIr? Reinforce = null)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;
}
