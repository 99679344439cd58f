using System;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Fluent;

/// <summary>A distribution argument: a number, <c>uniform</c>, or a network call (<c>Net.Call("decoder", "y", "z")</c>).</summary>
public sealed class Value : ILocatable
{
    private Value(ExprIr ir) => Ir = ir;

    internal ExprIr Ir { get; }

    /// <summary>The uniform distribution over a categorical's support, as <c>uniform</c> in the text.</summary>
    public static Value Uniform() => new(new UniformExpr());

    public static implicit operator Value(double number) =>
        double.IsNaN(number) || double.IsInfinity(number)
            ? throw new ArgumentException($"{number} is not a finite number", nameof(number))
            : new Value(new NumberExpr(number));

    public static implicit operator Value(NetCall call) => new((call ?? throw new ArgumentNullException(nameof(call))).Ir);

    object ILocatable.Locate(SourceSpan span) => new Value(Ir with { Meta = Located.Stamp(Ir.Meta, span) });
}

/// <summary>A call of a declared network, e.g. <c>decoder(y, z)</c>; it feeds one parameter or, alone, all of them.</summary>
public sealed class NetCall : ILocatable
{
    internal NetCall(NetCallExpr ir) => Ir = ir;

    internal NetCallExpr Ir { get; }

    object ILocatable.Locate(SourceSpan span) => new NetCall(Ir with { Meta = Located.Stamp(Ir.Meta, span) });
}

/// <summary>Network calls: <c>Net.Call("encoder", "x", "y")</c> is <c>encoder(x, y)</c>.</summary>
public static class Net
{
    public static NetCall Call(string net, params string[] inputs) =>
        new(new NetCallExpr(FluentNames.Check(net, nameof(net)), FluentNames.CheckAll(inputs, nameof(inputs)).ToEquatableArray()));
}

/// <summary>One argument of <see cref="Dist.Of"/>: named (<c>loc: 0</c>) or positional.</summary>
public sealed class Argument : ILocatable
{
    internal Argument(ArgumentIr ir) => Ir = ir;

    internal ArgumentIr Ir { get; }

    object ILocatable.Locate(SourceSpan span) => new Argument(Ir with { Meta = Located.Stamp(Ir.Meta, span) });
}

/// <summary>Arguments for <see cref="Dist.Of"/>, for argument lists the typed shortcuts do not write.</summary>
public static class Arg
{
    public static Argument Named(string parameter, Value value) =>
        new(new ArgumentIr(FluentNames.Check(parameter, nameof(parameter)), Checked(value).Ir) { Meta = value.Ir.Meta });

    public static Argument Positional(Value value) => new(new ArgumentIr(null, Checked(value).Ir) { Meta = value.Ir.Meta });

    internal static Value Checked(Value? value) => value ?? throw new ArgumentNullException(nameof(value));

    internal static EquatableArray<ArgumentIr> All(Argument[] arguments) =>
        (arguments ?? throw new ArgumentNullException(nameof(arguments)))
            .Select(a => (a ?? throw new ArgumentNullException(nameof(arguments))).Ir).ToEquatableArray();
}
