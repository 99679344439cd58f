using System.Collections.Generic;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Validation;

namespace ProbDsl.Compiler.Planning;

/// <summary>
/// What the emitter needs to write one model-with-guide class: the observed data, the discrete variable that is
/// observed when labelled and enumerated otherwise (none for an unsupervised model), the guide factors in an
/// order in which they can be sampled, the networks the class owns, and the compiler's explanation of the guide,
/// which also says for each continuous latent whether its term is a closed-form KL or sampled
/// (<see cref="ContinuousTermRule"/>), with the label latent and observed; the factors' parameters as the
/// checker bound them; the C# names of the variables' locals and of the emitter's own (model-wide,
/// <see cref="LocalNames"/>); and one <see cref="BoundPlan"/> per bound method. The printed form is <see cref="PlanPrinter"/>'s.
/// </summary>
public sealed record GuidePlan(
    ModelIr Model,
    GuideIr Guide,
    string ClassName,
    VariableIr Data,
    VariableIr? Label,
    IReadOnlyList<FactorIr> SamplingOrder,
    IReadOnlyList<NetIr> Nets,
    GuideExplanation Explanation,
    ModelFacts Facts,
    LocalNames Locals)
{
    /// <summary>The bound methods of the class, in the order they are written.</summary>
    public IReadOnlyList<BoundPlan> Bounds { get; init; } = new List<BoundPlan>();

    /// <summary>A factor's parameters, as the checker bound them.</summary>
    public IReadOnlyList<BoundParameter> Bindings(FactorIr factor, char density) => Facts.Bindings(factor, density);

    /// <summary>The plan of the bound method <paramref name="mode"/>.</summary>
    public BoundPlan Bound(BoundMode mode) => Bounds.First(b => b.Mode == mode);

    /// <summary>How the unlabelled objective is computed: enumerated exactly, relaxed, or with the score-function estimator.</summary>
    public BoundMode TrainingMode => Relaxation is not null ? BoundMode.Relaxed : Reinforce is not null ? BoundMode.Scored : BoundMode.Enumerated;

    /// <summary>The choice for <paramref name="variable"/> in a bound where the label is observed or not.</summary>
    public ContinuousTerm TermFor(string variable, bool labelObserved) =>
        (labelObserved ? Explanation.LabelledContinuousTerms : Explanation.ContinuousTerms).Single(t => t.Variable == variable);

    /// <summary>
    /// The latents the label's guide factor reads, directly or through their own guide factors: the classifier
    /// q(y|x) must draw them first (the auxiliary a of q(a|x) q(y|a,x)). Empty for q(y|x).
    /// </summary>
    public IReadOnlyList<FactorIr> LabelAncestors
    {
        get
        {
            if (Label is null)
                return new List<FactorIr>();
            var ancestors = GuideDependencies.Ancestors(Guide, Guide.FactorFor(Label.Name)?.Conditions ?? EquatableArray<string>.Empty,
                name => Model.FindVariable(name)?.Role != VariableRole.Data);
            return SamplingOrder.Where(f => ancestors.Contains(f.Target)).ToList();
        }
    }

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
