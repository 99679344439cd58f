using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Fluent;

/// <summary>The declarations a <see cref="ModelBuilder"/> has collected, by kind, in call order.</summary>
internal sealed record ModelParts(
    string Name,
    NodeMeta Meta,
    ImmutableList<VariableIr> Variables,
    ImmutableList<NetIr> Nets,
    ImmutableList<FactorIr> Factors,
    ImmutableList<GuideIr> Guides,
    ImmutableList<InferenceIr> Inference,
    ImmutableList<ObjectiveIr> Objectives)
{
    public static ModelParts Empty(string name) => new(name, NodeMeta.None,
        ImmutableList<VariableIr>.Empty, ImmutableList<NetIr>.Empty, ImmutableList<FactorIr>.Empty,
        ImmutableList<GuideIr>.Empty, ImmutableList<InferenceIr>.Empty, ImmutableList<ObjectiveIr>.Empty);

    /// <summary>The first objective counts, as in the text (a second one is reported); none means <c>elbo</c>.</summary>
    public ModelIr ToIr() => new(Name, Variables.ToEquatableArray(), Nets.ToEquatableArray(), Factors.ToEquatableArray(),
        Guides.ToEquatableArray(), Inference.ToEquatableArray(), Objectives.FirstOrDefault() ?? ObjectiveIr.Default)
    { Meta = Meta };

    /// <summary>Each builder call adds one declaration: the only one without a position is the one just added.</summary>
    public ModelParts Stamp(SourceSpan span) => this with
    {
        Meta = Located.Stamp(Meta, span),
        Variables = Variables.Select(v => v with { Meta = Located.Stamp(v.Meta, span) }).ToImmutableList(),
        Nets = Nets.Select(n => n with { Meta = Located.Stamp(n.Meta, span) }).ToImmutableList(),
        Factors = Factors.Select(f => f with { Meta = Located.Stamp(f.Meta, span) }).ToImmutableList(),
        Guides = Guides.Select(g => g with { Meta = Located.Stamp(g.Meta, span) }).ToImmutableList(),
        Inference = Inference.Select(i => Stamp(i, span)).ToImmutableList(),
        Objectives = Objectives.Select(o => o with { Meta = Located.Stamp(o.Meta, span) }).ToImmutableList(),
    };

    /// <summary>Relax and reinforce settings are reported at the call that chose them.</summary>
    private static InferenceIr Stamp(InferenceIr inference, SourceSpan span) => inference with
    {
        Meta = Located.Stamp(inference.Meta, span),
        Relaxation = inference.Relaxation is { } r ? r with { Meta = Located.Stamp(r.Meta, span) } : null,
        Reinforce = inference.Reinforce is { } b ? b with { Meta = Located.Stamp(b.Meta, span) } : null,
    };
}
