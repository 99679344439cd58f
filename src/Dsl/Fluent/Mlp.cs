using System;
using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Fluent;

/// <summary>
/// A multilayer perceptron, immutable: <c>Mlp.From("x", "y").Hidden(500).To("z.loc").To("z.scale", HeadTransform.Softplus)</c>
/// is <c>mlp(x, y -> 500 -> z.loc, softplus(z.scale), act: softplus)</c>.
/// </summary>
public sealed class Mlp : ILocatable
{
    private readonly EquatableArray<string> _inputs;
    private readonly ImmutableList<int> _hidden;
    private readonly ImmutableList<HeadIr> _heads;
    private readonly Activation _activation;

    private Mlp(EquatableArray<string> inputs, ImmutableList<int> hidden, ImmutableList<HeadIr> heads, Activation activation)
    {
        _inputs = inputs;
        _hidden = hidden;
        _heads = heads;
        _activation = activation;
    }

    /// <summary>The variables the network reads, concatenated in this order (categoricals as one-hot).</summary>
    public static Mlp From(params string[] inputs)
    {
        if (FluentNames.CheckAll(inputs, nameof(inputs)).Length == 0)
            throw new ArgumentException("an mlp reads at least one variable", nameof(inputs));
        return new Mlp(inputs.ToEquatableArray(), ImmutableList<int>.Empty, ImmutableList<HeadIr>.Empty, Activation.Softplus);
    }

    /// <summary>Hidden layers of these widths, after any already added.</summary>
    public Mlp Hidden(params int[] widths) =>
        new(_inputs, _hidden.AddRange(widths ?? throw new ArgumentNullException(nameof(widths))), _heads, _activation);

    /// <summary>An output head <c>variable.parameter</c>, e.g. <c>"z.loc"</c>; a positive parameter needs a transform.</summary>
    public Mlp To(string head, HeadTransform transform = HeadTransform.None)
    {
        var parts = (head ?? throw new ArgumentNullException(nameof(head))).Split('.');
        if (parts.Length != 2)
            throw new ArgumentException($"'{head}' is not a head; write 'variable.parameter', e.g. 'z.loc'", nameof(head));
        var ir = new HeadIr(FluentNames.Check(parts[0], nameof(head)), FluentNames.Check(parts[1], nameof(head)), FluentEnums.Check(transform, nameof(transform)));
        return new Mlp(_inputs, _hidden, _heads.Add(ir), _activation);
    }

    /// <summary>The activation between layers (softplus when not given).</summary>
    public Mlp Act(Activation activation) => new(_inputs, _hidden, _heads, FluentEnums.Check(activation, nameof(activation)));

    internal NetIr ToIr(string name)
    {
        if (_heads.IsEmpty)
            throw new ArgumentException($"network '{name}' has no output; add one with .To(\"variable.parameter\")", "mlp");
        return new NetIr(name, _inputs, _hidden.ToEquatableArray(), _heads.ToEquatableArray(), _activation);
    }

    /// <summary>The call that added the last head made it.</summary>
    object ILocatable.Locate(SourceSpan span) =>
        _heads.IsEmpty ? this
        : new Mlp(_inputs, _hidden, _heads.SetItem(_heads.Count - 1, Stamp(_heads[_heads.Count - 1], span)), _activation);

    private static HeadIr Stamp(HeadIr head, SourceSpan span) => head with { Meta = Located.Stamp(head.Meta, span) };
}
