namespace ProbDsl.Dsl.Ir;

/// <summary>The set of values of a variable, per element of its event (size n, or K classes).</summary>
public enum Support
{
    /// <summary>ℝⁿ (Normal).</summary>
    Real,

    /// <summary>(0, ∞)ⁿ (LogNormal).</summary>
    Positive,

    /// <summary>(0, 1)ⁿ (Beta).</summary>
    UnitInterval,

    /// <summary>{0, 1}ⁿ; soft targets in [0, 1] are accepted as a cross-entropy (Bernoulli).</summary>
    Binary,

    /// <summary>A class index in {0, …, K−1} (Categorical); a network reads it as a one-hot vector.</summary>
    ClassIndex,

    /// <summary>A one-hot vector of K classes (OneHotCategorical).</summary>
    OneHot,

    /// <summary>The open simplex of K classes: positive entries summing to one (RelaxedOneHotCategorical).</summary>
    Simplex,
}

public static class Supports
{
    /// <summary>How diagnostics and documentation write a support.</summary>
    public static string Describe(this Support support) => support switch
    {
        Support.Real => "real numbers",
        Support.Positive => "positive reals",
        Support.UnitInterval => "the unit interval (0, 1)",
        Support.Binary => "{0, 1}",
        Support.ClassIndex => "a class index",
        Support.OneHot => "one-hot vectors",
        _ => "the probability simplex",
    };

    /// <summary>A label is observed as a class and enumerated when latent: its support must be finite.</summary>
    public static bool IsFiniteClasses(this Support support) => support is Support.ClassIndex or Support.OneHot;
}
