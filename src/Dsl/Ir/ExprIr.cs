namespace ProbDsl.Dsl.Ir;

/// <summary>An argument value of a distribution: a number, <c>uniform</c>, or a network call.</summary>
public abstract record ExprIr
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;
}

public sealed record NumberExpr(double Value) : ExprIr;

/// <summary>The uniform distribution over a categorical's support: <c>Categorical(uniform)</c>.</summary>
public sealed record UniformExpr : ExprIr;

/// <summary><c>decoder(y, z)</c>: the arguments are variable names and must be the network's inputs.</summary>
public sealed record NetCallExpr(string Net, EquatableArray<string> Arguments) : ExprIr;
