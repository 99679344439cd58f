namespace ProbDsl.Dsl.Ir;

public enum Activation
{
    Softplus,
    Relu,
    Tanh,
}

/// <summary>A transform applied to a network head, e.g. <c>softplus(z.scale)</c> to make a scale positive.</summary>
public enum HeadTransform
{
    None,
    Softplus,
    Exp,
}

/// <summary>One output of a network: the parameter <c>Parameter</c> of variable <c>Variable</c>, e.g. <c>z.loc</c>.</summary>
public sealed record HeadIr(string Variable, string Parameter, HeadTransform Transform)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;

    public override string ToString() => Transform == HeadTransform.None
        ? $"{Variable}.{Parameter}"
        : $"{Transform.ToString().ToLowerInvariant()}({Variable}.{Parameter})";
}

/// <summary>
/// A multilayer perceptron <c>mlp(x, y -> 500 -> z.loc, softplus(z.scale), act: softplus)</c>:
/// inputs are variables (concatenated; categoricals as one-hot), hidden layer widths, and heads.
/// </summary>
public sealed record NetIr(
    string Name,
    EquatableArray<string> Inputs,
    EquatableArray<int> Hidden,
    EquatableArray<HeadIr> Heads,
    Activation Activation)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;
}
