namespace ProbDsl.Inference.Training;

/// <summary>
/// How a semi-supervised epoch spreads the labelled examples over its steps. Both minimise the same Eq. 9 objective
/// in expectation (the per-epoch weights of L(x,y), U(x) and α·log q(y|x) are equal); they differ in how the
/// optimiser sees it.
/// </summary>
public enum LabelledSchedule
{
    /// <summary>Every step takes one unlabelled and one labelled batch and minimises their weighted sum.</summary>
    EveryStep,

    /// <summary>
    /// As Pyro's SS-VAE: labelled batches are steps of their own, one pass over the labelled set per epoch, spread
    /// evenly among the unlabelled steps (with 100 labels: one labelled step in 300).
    /// </summary>
    Interleaved,
}
