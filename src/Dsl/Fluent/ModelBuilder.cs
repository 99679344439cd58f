using System;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Fluent;

/// <summary>Where a fluent model starts: <c>Model.Define("M2").Data(...).Label(...)...</c>.</summary>
public static class Model
{
    public static ModelBuilder Define(string name) => ModelBuilder.Start(FluentNames.Check(name, nameof(name)));
}

/// <summary>
/// A model under construction. Immutable (each call returns a new builder, as ML.NET's estimator chains do), so a
/// shared prefix cannot be corrupted. Each call is one declaration of the text language, in the same order, and
/// <see cref="Compile"/> yields the IR the parser yields for that text, checked by the same validator.
/// </summary>
public sealed partial class ModelBuilder : ILocatable
{
    private readonly ModelParts _parts;

    private ModelBuilder(ModelParts parts) => _parts = parts;

    internal static ModelBuilder Start(string name) => new(ModelParts.Empty(name));

    /// <summary><c>data name : family[size]</c>: always observed.</summary>
    public ModelBuilder Data(string name, DistributionFamily family, int size) => Variable(name, VariableRole.Data, family, size);

    /// <summary><c>label name : family[size]</c>: observed in labelled examples, latent otherwise.</summary>
    public ModelBuilder Label(string name, DistributionFamily family, int size) => Variable(name, VariableRole.Label, family, size);

    /// <summary><c>latent name : family[size]</c>: never observed.</summary>
    public ModelBuilder Latent(string name, DistributionFamily family, int size) => Variable(name, VariableRole.Latent, family, size);

    /// <summary><c>net name = mlp(...)</c>.</summary>
    public ModelBuilder Net(string name, Mlp mlp) =>
        With(_parts with { Nets = _parts.Nets.Add((mlp ?? throw new ArgumentNullException(nameof(mlp))).ToIr(FluentNames.Check(name, nameof(name)))) });

    /// <summary><c>p(target) = distribution</c>.</summary>
    public ModelBuilder P(string target, Distribution distribution) => P(target, new string[0], distribution);

    /// <summary><c>p(target | given...) = distribution</c>.</summary>
    public ModelBuilder P(string target, string[] given, Distribution distribution) =>
        With(_parts with { Factors = _parts.Factors.Add(Factors.Create(target, given, distribution)) });

    /// <summary><c>guide name = q(...) q(...) { ... }</c>: the factors of <paramref name="guide"/>, in its order.</summary>
    public ModelBuilder Guide(string name, GuideBuilder guide) =>
        With(_parts with { Guides = _parts.Guides.Add((guide ?? throw new ArgumentNullException(nameof(guide))).ToIr(FluentNames.Check(name, nameof(name)))) });

    private ModelBuilder Variable(string name, VariableRole role, DistributionFamily family, int size) =>
        With(_parts with { Variables = _parts.Variables.Add(new VariableIr(FluentNames.Check(name, nameof(name)), role, FluentEnums.Check(family, nameof(family)), size)) });

    private ModelBuilder With(ModelParts parts) => new(parts);

    object ILocatable.Locate(SourceSpan span) => new ModelBuilder(_parts.Stamp(span));
}
