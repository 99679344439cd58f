using System;
using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Fluent;

/// <summary>
/// A guide's factorisation with a body per factor, in sampling order: <c>Guide.Q("y", ["x"], ...).Q("z", ["x", "y"], ...)</c>
/// is <c>q(y | x) q(z | x, y) { ... }</c>. A guide is a value, so one can be shared by several models.
/// </summary>
public static class Guide
{
    /// <summary><c>q(target) = distribution</c>: a factor that conditions on nothing.</summary>
    public static GuideBuilder Q(string target, Distribution distribution) => GuideBuilder.Empty.Q(target, distribution);

    /// <summary><c>q(target | given...) = distribution</c>.</summary>
    public static GuideBuilder Q(string target, string[] given, Distribution distribution) => GuideBuilder.Empty.Q(target, given, distribution);
}

/// <summary>An immutable guide under construction; each <see cref="Q(string, string[], Distribution)"/> appends a factor.</summary>
public sealed class GuideBuilder : ILocatable
{
    private readonly ImmutableList<FactorIr> _factors;

    private GuideBuilder(ImmutableList<FactorIr> factors) => _factors = factors;

    internal static GuideBuilder Empty { get; } = new(ImmutableList<FactorIr>.Empty);

    public GuideBuilder Q(string target, Distribution distribution) => Q(target, new string[0], distribution);

    public GuideBuilder Q(string target, string[] given, Distribution distribution) =>
        new(_factors.Add(Factors.Create(target, given, distribution)));

    internal GuideIr ToIr(string name) => new(name, _factors.ToEquatableArray());

    object ILocatable.Locate(SourceSpan span) =>
        new GuideBuilder(_factors.Select(f => f with { Meta = Located.Stamp(f.Meta, span) }).ToImmutableList());
}

/// <summary>The one way both the model and its guides make a factor from fluent arguments.</summary>
internal static class Factors
{
    public static FactorIr Create(string target, string[] given, Distribution distribution) =>
        new(FluentNames.Check(target, nameof(target)), FluentNames.CheckAll(given, nameof(given)).ToEquatableArray(),
            (distribution ?? throw new ArgumentNullException(nameof(distribution))).Ir);
}
