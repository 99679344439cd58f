namespace ProbDsl.Dsl.Ir;

/// <summary>How a variable is observed.</summary>
public enum VariableRole
{
    /// <summary>Always observed (the data x).</summary>
    Data,

    /// <summary>Observed in labelled examples, latent in the others (Kingma's y).</summary>
    Label,

    /// <summary>Never observed.</summary>
    Latent,
}

/// <summary>A random variable: <c>data x : Bernoulli[784]</c>. Size is the event size (classes for a categorical).</summary>
public sealed record VariableIr(string Name, VariableRole Role, DistributionFamily Family, int Size)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;

    public bool IsDiscrete => Family.IsDiscreteLatentCapable();

    public bool IsObservedAlways => Role == VariableRole.Data;
}
