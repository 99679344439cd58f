using System.Linq;

namespace ProbDsl.Dsl.Ir;

/// <summary>A conditional factor <c>p(x | y, z) = ...</c> of the model or <c>q(z | x, y) = ...</c> of a guide.</summary>
public sealed record FactorIr(string Target, EquatableArray<string> Conditions, DistributionIr Distribution)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;

    public string Signature(char density) =>
        Conditions.Count == 0 ? $"{density}({Target})" : $"{density}({Target}|{string.Join(",", Conditions)})";

    public bool DependsOn(string variable) => Conditions.Contains(variable);
}
