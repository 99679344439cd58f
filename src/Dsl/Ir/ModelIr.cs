using System.Linq;

namespace ProbDsl.Dsl.Ir;

/// <summary>
/// A generative model with its guides: variables, networks, model factors p(v | parents),
/// named guide factorisations, the inference choice per discrete latent, and the objective.
/// </summary>
public sealed record ModelIr(
    string Name,
    EquatableArray<VariableIr> Variables,
    EquatableArray<NetIr> Nets,
    EquatableArray<FactorIr> Factors,
    EquatableArray<GuideIr> Guides,
    EquatableArray<InferenceIr> Inference,
    ObjectiveIr Objective)
{
    public NodeMeta Meta { get; init; } = NodeMeta.None;

    public VariableIr? FindVariable(string name) => Variables.FirstOrDefault(v => v.Name == name);

    public NetIr? FindNet(string name) => Nets.FirstOrDefault(n => n.Name == name);

    public FactorIr? FindFactor(string target) => Factors.FirstOrDefault(f => f.Target == target);

    /// <summary>The strategy named for a discrete latent; enumeration when none is named.</summary>
    public InferenceStrategy StrategyFor(string variable) =>
        Inference.FirstOrDefault(i => i.Variable == variable)?.Strategy ?? InferenceStrategy.Enumerate;
}
