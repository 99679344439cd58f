using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Differential.Tests.RandomModels;

/// <summary>A network's shape: hidden widths, activation, and the transform its positive heads get.</summary>
public sealed record NetShape(int[] Hidden, Activation Activation, HeadTransform PositiveTransform);

/// <summary>
/// One factor p(target | conditions) or q(target | conditions). With a network, every parameter comes from its
/// heads (its inputs are exactly the conditions), except a <see cref="FixedScale"/>; without one, a root's
/// constant prior: <see cref="Constants"/> (loc, scale) for a continuous variable, uniform for a discrete one.
/// </summary>
public sealed record FactorSpec(string Target, string[] Conditions, NetShape? Net, double[]? Constants = null, double? FixedScale = null);

/// <summary>A guide: its factors in the order written (each conditions only on data and factors before it).</summary>
public sealed record GuideSpec(string Name, FactorSpec[] Factors);

/// <summary>
/// A random model before it is written as .pdsl: variables, one model factor each, guides, the label's
/// <c>infer</c> clause (null: enumerate by default, or no label) and the objective.
/// </summary>
public sealed record ModelSpec(
    string Name,
    VariableIr[] Variables,
    FactorSpec[] ModelFactors,
    GuideSpec[] Guides,
    string? LabelInference)
{
    public VariableIr? Label => Variables.FirstOrDefault(v => v.Role == VariableRole.Label);

    public VariableIr Variable(string name) => Variables.Single(v => v.Name == name);

    public IEnumerable<VariableIr> Latents => Variables.Where(v => v.Role == VariableRole.Latent);
}
