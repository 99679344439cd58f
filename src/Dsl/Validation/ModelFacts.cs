using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>
/// What validating one model computed and later stages need, so that no stage computes it again: every factor's
/// bound parameters (model factors as p, guide factors as q), the model's dependency graph, and per guide its
/// sampling order and the compiler's explanation. Complete only for a model without errors (the graph and the
/// explanations are made only then).
/// </summary>
public sealed class ModelFacts
{
    private readonly Dictionary<(FactorIr Factor, char Density), IReadOnlyList<BoundParameter>> _bindings = new();
    private readonly Dictionary<string, GuideFacts> _guides = new();

    internal ModelFacts(ModelIr model) => Model = model;

    public ModelIr Model { get; }

    /// <summary>The model's dependency graph (d-separation, depths); null when the model had errors.</summary>
    public ModelGraph? Graph { get; internal set; }

    /// <summary>The parameters of <paramref name="factor"/> as the validator bound them.</summary>
    public IReadOnlyList<BoundParameter> Bindings(FactorIr factor, char density) =>
        _bindings.TryGetValue((factor, density), out var bound)
            ? bound
            : throw new KeyNotFoundException($"{factor.Signature(density)} was not bound by the validator.");

    /// <summary>The facts of the guide named <paramref name="guide"/>; null when the model had errors.</summary>
    public GuideFacts? Guide(string guide) => _guides.TryGetValue(guide, out var facts) ? facts : null;

    public IEnumerable<GuideFacts> Guides => Model.Guides.Select(g => Guide(g.Name)).Where(g => g is not null).Select(g => g!);

    internal void AddBinding(FactorIr factor, char density, IReadOnlyList<BoundParameter> bound) => _bindings[(factor, density)] = bound;

    internal void AddGuide(GuideFacts guide) => _guides[guide.Guide.Name] = guide;
}

/// <summary>One guide as validated: its factors in an order in which they can be sampled, and its explanation.</summary>
public sealed record GuideFacts(GuideIr Guide, IReadOnlyList<FactorIr> SamplingOrder, GuideExplanation Explanation);
