using System;
using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Dsl.Ir;

/// <summary>The distribution families of the language. Parameter names follow PyTorch's torch.distributions.</summary>
public enum DistributionFamily
{
    Normal,
    Bernoulli,
    Categorical,
    OneHotCategorical,
    Beta,
    LogNormal,
    RelaxedOneHotCategorical,
}

/// <summary>What the language knows about each family: its parameters and its support.</summary>
public static class DistributionFamilies
{
    public static IReadOnlyList<string> Parameters(this DistributionFamily family) => family switch
    {
        DistributionFamily.Normal or DistributionFamily.LogNormal => new[] { "loc", "scale" },
        DistributionFamily.Bernoulli or DistributionFamily.Categorical or DistributionFamily.OneHotCategorical => new[] { "logits" },
        DistributionFamily.Beta => new[] { "concentration1", "concentration0" },
        DistributionFamily.RelaxedOneHotCategorical => new[] { "temperature", "logits" },
        _ => new string[0],
    };

    /// <summary>The set of values a variable of this family takes; a factor must give it a distribution on that set.</summary>
    public static Support Support(this DistributionFamily family) => family switch
    {
        DistributionFamily.Normal => Ir.Support.Real,
        DistributionFamily.Bernoulli => Ir.Support.Binary,
        DistributionFamily.Categorical => Ir.Support.ClassIndex,
        DistributionFamily.OneHotCategorical => Ir.Support.OneHot,
        DistributionFamily.Beta => Ir.Support.UnitInterval,
        DistributionFamily.LogNormal => Ir.Support.Positive,
        DistributionFamily.RelaxedOneHotCategorical => Ir.Support.Simplex,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown family"),
    };

    /// <summary>Parameters that must be positive; a network head feeding one needs an explicit positive transform.</summary>
    public static bool IsPositiveParameter(this DistributionFamily family, string parameter) => family switch
    {
        DistributionFamily.Normal or DistributionFamily.LogNormal => parameter == "scale",
        DistributionFamily.Beta => true,
        DistributionFamily.RelaxedOneHotCategorical => parameter == "temperature",
        _ => false,
    };

    /// <summary>
    /// Parameters that are one number for the whole event, not one per element: a network head (a vector of the
    /// variable's size) cannot feed them. The Concrete temperature is the only one.
    /// </summary>
    public static bool IsScalarParameter(this DistributionFamily family, string parameter) =>
        family == DistributionFamily.RelaxedOneHotCategorical && parameter == "temperature";

    /// <summary>Logits are unnormalised log-probabilities: they come from a network (or are 'uniform'), never a number.</summary>
    public static bool IsLogitsParameter(this DistributionFamily family, string parameter) => parameter == "logits";

    /// <summary>Families over K classes, whose logits may be 'uniform' and which need at least two classes.</summary>
    public static bool IsOverClasses(this DistributionFamily family) =>
        family is DistributionFamily.Categorical or DistributionFamily.OneHotCategorical or DistributionFamily.RelaxedOneHotCategorical;

    /// <summary>
    /// Families with a finite support that can be enumerated, relaxed or sampled discretely. A OneHotCategorical is
    /// a Categorical whose value is written as a one-hot vector: the same distribution, enumerated the same way.
    /// </summary>
    public static bool IsDiscreteLatentCapable(this DistributionFamily family) =>
        family is DistributionFamily.Categorical or DistributionFamily.OneHotCategorical;

    public static IReadOnlyList<DistributionFamily> All { get; } =
        ((DistributionFamily[])Enum.GetValues(typeof(DistributionFamily))).ToList();

    public static bool TryParse(string name, out DistributionFamily family)
    {
        foreach (var candidate in All)
        {
            if (candidate.ToString() == name)
            {
                family = candidate;
                return true;
            }
        }
        family = default;
        return false;
    }
}
