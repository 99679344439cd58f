namespace ProbDsl.Dsl.Ir;

/// <summary>One argument of a distribution; Parameter is null when given by position.</summary>
public sealed record ArgumentIr(string? Parameter, ExprIr Value)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;
}

/// <summary><c>Normal(loc: 0, scale: 1)</c>, <c>Categorical(logits: classifier(x))</c>, <c>Normal(encoder(x, y))</c>.</summary>
public sealed record DistributionIr(DistributionFamily Family, EquatableArray<ArgumentIr> Arguments)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;
}
