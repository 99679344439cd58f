using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Planning;

/// <summary>
/// What the emitter needs to write one model-with-guide class: the observed data, the discrete variable that is
/// observed when labelled and enumerated otherwise (none for an unsupervised model), the guide factors in an
/// order in which they can be sampled, and the networks the class owns.
/// </summary>
internal sealed record GuidePlan(
    ModelIr Model,
    GuideIr Guide,
    string ClassName,
    VariableIr Data,
    VariableIr? Label,
    IReadOnlyList<FactorIr> SamplingOrder,
    IReadOnlyList<NetIr> Nets)
{
    /// <summary>The Concrete settings when the label is relaxed, else null.</summary>
    public RelaxationIr? Relaxation =>
        LabelInference is { Strategy: InferenceStrategy.Relax } relax ? relax.Relaxation ?? RelaxationIr.Default : null;

    /// <summary>The score-function settings when the label is sampled with REINFORCE, else null.</summary>
    public ReinforceIr? Reinforce =>
        LabelInference is { Strategy: InferenceStrategy.Reinforce } reinforce ? reinforce.Reinforce ?? ReinforceIr.Default : null;

    private InferenceIr? LabelInference => Label is null ? null : Model.Inference.FirstOrDefault(i => i.Variable == Label.Name);

    /// <summary>Discrete latents (never observed), in sampling order: each is enumerated in every bound.</summary>
    public IReadOnlyList<VariableIr> DiscreteLatents =>
        SamplingOrder.Select(f => Model.FindVariable(f.Target)!).Where(v => v.Role == VariableRole.Latent && v.IsDiscrete).ToList();
}
