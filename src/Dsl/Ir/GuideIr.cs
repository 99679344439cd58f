using System.Linq;

namespace ProbDsl.Dsl.Ir;

/// <summary>
/// A named approximate posterior declared as a factorisation, e.g. <c>guide Structured = q(z|x,y) q(y|x)</c>,
/// with one factor per latent in the order written.
/// </summary>
public sealed record GuideIr(string Name, EquatableArray<FactorIr> Factors)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;

    public FactorIr? FactorFor(string target) => Factors.FirstOrDefault(f => f.Target == target);

    public string Factorisation => string.Join(" ", Factors.Select(f => f.Signature('q')));
}
