using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Fluent;

/// <summary>A distribution with its arguments, the right-hand side of <c>p(...) = ...</c> or <c>q(...) = ...</c>.</summary>
public sealed class Distribution : ILocatable
{
    internal Distribution(DistributionIr ir) => Ir = ir;

    internal DistributionIr Ir { get; }

    object ILocatable.Locate(SourceSpan span) => new Distribution(Ir with { Meta = Located.Stamp(Ir.Meta, span) });
}

/// <summary>
/// Distribution factories. Parameters are passed by name, as the text writes <c>Normal(loc: 0, scale: 1)</c>;
/// a network call alone binds every parameter from its heads, as <c>Normal(encoder(x, y))</c>.
/// <see cref="Of"/> writes any family and argument list (e.g. positional <c>Normal(0, 1)</c>).
/// </summary>
public static class Dist
{
    public static Distribution Normal(Value loc, Value scale) =>
        Of(DistributionFamily.Normal, Arg.Named("loc", loc), Arg.Named("scale", scale));

    public static Distribution Normal(NetCall heads) => Of(DistributionFamily.Normal, Arg.Positional(heads));

    public static Distribution Bernoulli(Value logits) => Of(DistributionFamily.Bernoulli, Arg.Named("logits", logits));

    public static Distribution Bernoulli(NetCall heads) => Of(DistributionFamily.Bernoulli, Arg.Positional(heads));

    public static Distribution Categorical(Value logits) => Of(DistributionFamily.Categorical, Arg.Named("logits", logits));

    public static Distribution Categorical(NetCall heads) => Of(DistributionFamily.Categorical, Arg.Positional(heads));

    /// <summary><c>Categorical(uniform)</c>: the uniform prior over the classes.</summary>
    public static Distribution UniformCategorical() => Of(DistributionFamily.Categorical, Arg.Positional(Value.Uniform()));

    public static Distribution Of(DistributionFamily family, params Argument[] arguments) =>
        new(new DistributionIr(FluentEnums.Check(family, nameof(family)), Arg.All(arguments)));
}
