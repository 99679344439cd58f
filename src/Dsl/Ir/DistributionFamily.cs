using System.Collections.Generic;

namespace ProbDsl.Dsl.Ir;

public enum DistributionFamily
{
    Normal,
    Bernoulli,
    Categorical,
}

/// <summary>What the language knows about each family: its parameters and its support.</summary>
public static class DistributionFamilies
{
    public static IReadOnlyList<string> Parameters(this DistributionFamily family) => family switch
    {
        DistributionFamily.Normal => new[] { "loc", "scale" },
        DistributionFamily.Bernoulli => new[] { "logits" },
        DistributionFamily.Categorical => new[] { "logits" },
        _ => new string[0],
    };

    /// <summary>Parameters that must be positive; a network head feeding one needs an explicit positive transform.</summary>
    public static bool IsPositiveParameter(this DistributionFamily family, string parameter) =>
        family == DistributionFamily.Normal && parameter == "scale";

    /// <summary>Families with a finite support that can be enumerated, relaxed or sampled discretely.</summary>
    public static bool IsDiscreteLatentCapable(this DistributionFamily family) => family == DistributionFamily.Categorical;

    public static bool TryParse(string name, out DistributionFamily family)
    {
        switch (name)
        {
            case "Normal": family = DistributionFamily.Normal; return true;
            case "Bernoulli": family = DistributionFamily.Bernoulli; return true;
            case "Categorical": family = DistributionFamily.Categorical; return true;
            default: family = default; return false;
        }
    }
}
