using System.Collections.Generic;

namespace ProbDsl.Compiler.Planning;

/// <summary>
/// Every decision behind one bound method, made before any C# is written: which discrete variables are enumerated
/// on which dimension, how each guide factor is treated, which enumerated dimensions each network call and each
/// term carries, how each term is computed (and why), and how the terms are grouped to be summed over only the
/// variables they depend on (variable elimination). The emitter writes exactly this.
/// </summary>
/// <param name="Method">The generated method's name (<c>LabelledBound</c>, <c>UnlabelledBound</c>, <c>UnlabelledObjective</c>, <c>Bound</c>).</param>
/// <param name="Enumerated">The variables enumerated here; the one at index d is on enumerated dimension d.</param>
public sealed record BoundPlan(
    BoundMode Mode,
    string Method,
    IReadOnlyList<string> Enumerated,
    IReadOnlyList<GuideStep> Steps,
    IReadOnlyList<NetCallPlan> NetCalls,
    IReadOnlyList<TermPlan> Terms,
    IReadOnlyList<EliminationGroup> Groups);

/// <summary>How a guide factor enters a bound.</summary>
public enum GuideStepKind
{
    /// <summary>All values at once, on an enumerated dimension of its own.</summary>
    Enumerated,

    /// <summary>The label, given as class indices.</summary>
    Observed,

    /// <summary>The label replaced by a reparameterised Concrete (Gumbel-softmax) sample.</summary>
    Relaxed,

    /// <summary>The label drawn from q(y|·); its gradient is the score-function estimator's.</summary>
    ScoreFunction,

    /// <summary>A continuous latent: a reparameterised sample (loc + scale·ε, exponentiated for a LogNormal).</summary>
    Reparameterised,
}

/// <summary>One guide factor, in sampling order: its treatment, its dimension when enumerated, and the enumerated dimensions its value carries.</summary>
public sealed record GuideStep(string Variable, string Factor, GuideStepKind Kind, int? Dim, IReadOnlyList<string> Over);

/// <summary>A network run once in the bound: the enumerated dimensions of each input (projected at its own shape when hoisting) and of its output.</summary>
public sealed record NetCallPlan(string Net, IReadOnlyList<(string Input, IReadOnlyList<string> Over)> Inputs, IReadOnlyList<string> Over);

/// <summary>How a term of the bound is computed.</summary>
public enum TermKind
{
    /// <summary>log p(x|·) of the observed data.</summary>
    Likelihood,

    /// <summary>log p(v|·) of a discrete variable, over its enumerated values or at its observed or sampled value.</summary>
    DiscreteLogPrior,

    /// <summary>log(1/K): a uniform categorical prior, a constant.</summary>
    UniformLogPrior,

    /// <summary>−KL(q ‖ p) between categoricals, for a relaxed label.</summary>
    CategoricalKl,

    /// <summary>−KL(q ‖ p) of a continuous latent in closed form.</summary>
    AnalyticKl,

    /// <summary>log p(v|pa) at the guide's sample of a continuous latent (paired with its <see cref="SampledLogQ"/>).</summary>
    SampledLogP,

    /// <summary>−log q(v|·) at the guide's sample of a continuous latent.</summary>
    SampledLogQ,

    /// <summary>−log q(v|·) of an enumerated variable: its entropy once weighted by q.</summary>
    EnumeratedLogQ,
}

/// <summary>
/// A summand of the bound. <see cref="Key"/> names it for the emitter (one key per term); <see cref="Over"/> is the
/// enumerated variables it depends on; <see cref="Why"/> says why it is computed this way, where there was a choice.
/// </summary>
public sealed record TermPlan(string Key, TermKind Kind, string Text, bool Subtract, IReadOnlyList<string> Over, string? Why)
{
    public bool IsConstant => Kind == TermKind.UniformLogPrior;
}

/// <summary>
/// Terms summed together over <see cref="Over"/> alone, weighted by q of those variables (their closure under the
/// guide's dependencies); the terms by key, in the order they are added; <see cref="Local"/> holds the sum.
/// </summary>
public sealed record EliminationGroup(IReadOnlyList<string> Over, IReadOnlyList<string> Terms, string Local);
