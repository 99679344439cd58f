namespace ProbDsl.Dsl.Ir;

/// <summary>How a discrete latent is handled in the bound.</summary>
public enum InferenceStrategy
{
    /// <summary>Exact marginalisation over the support, in one batched pass.</summary>
    Enumerate,
}

/// <summary><c>infer y by enumerate</c>.</summary>
public sealed record InferenceIr(string Variable, InferenceStrategy Strategy)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;
}
