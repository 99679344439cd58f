namespace ProbDsl.Differential.Tests.Interpreter;

/// <summary>Which bound of a generated module is meant.</summary>
public enum BoundKind
{
    /// <summary>L(x, y) with the label observed.</summary>
    Labelled,

    /// <summary>U(x), the label summed exactly.</summary>
    Unlabelled,

    /// <summary>The training objective for unlabelled data: U(x) when enumerated, else the relaxed or score-function surrogate.</summary>
    Objective,

    /// <summary>The ELBO of a model without a label.</summary>
    Unsupervised,
}

/// <summary>How a continuous latent's term enters the bound.</summary>
public enum KlMode
{
    /// <summary>Always sampled: log p(v | pa) − log q(v | ·) at the guide's sample.</summary>
    Textbook,

    /// <summary>−KL(q ‖ p) in closed form where <see cref="KlRule"/> says it is valid, sampled elsewhere.</summary>
    Analytic,

    /// <summary>
    /// −KL(q ‖ p) in closed form for every continuous latent, the rule ignored (what the generator computed before
    /// the rule existed). Only for showing that the analytic-versus-textbook check detects an invalid closed form.
    /// </summary>
    Naive,
}
