namespace ProbDsl.Compiler.Planning;

/// <summary>How the label enters a bound method.</summary>
public enum BoundMode
{
    /// <summary>y observed: L(x, y).</summary>
    Labelled,

    /// <summary>y's K values on a dimension of their own: the exact U(x).</summary>
    Enumerated,

    /// <summary>y replaced by a Concrete sample, with the analytic KL of q(y|x) to p(y): the relaxed surrogate.</summary>
    Relaxed,

    /// <summary>y sampled from q(y|x); the score-function surrogate whose value is the one-sample bound.</summary>
    Scored,
}
