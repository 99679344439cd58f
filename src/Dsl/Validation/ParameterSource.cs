using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>Where a distribution parameter's value comes from once a factor's arguments are bound.</summary>
public abstract record ParameterSource;

public sealed record ConstantSource(double Value) : ParameterSource;

/// <summary>Uniform logits over a categorical's support.</summary>
public sealed record UniformSource : ParameterSource;

/// <summary>The head <c>Head</c> of network <c>Net</c>.</summary>
public sealed record NetHeadSource(NetIr Net, HeadIr Head) : ParameterSource;

/// <summary>A distribution parameter and its source.</summary>
public sealed record BoundParameter(string Parameter, ParameterSource Source);
