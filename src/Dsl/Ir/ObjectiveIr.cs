namespace ProbDsl.Dsl.Ir;

public enum ObjectiveKind
{
    /// <summary>The plain evidence lower bound on unlabelled data.</summary>
    Elbo,

    /// <summary>Kingma et al. 2014, Eq. 9: labelled bound + unlabelled bound + alpha-weighted classification term.</summary>
    SemiSupervised,
}

/// <summary><c>objective semisupervised(alpha: 0.1)</c>. Alpha is Kingma's α (0.1 in the paper).</summary>
public sealed record ObjectiveIr(ObjectiveKind Kind, double Alpha)
{
    public const double PaperAlpha = 0.1;

    public NodeMeta Meta { get; init; } = NodeMeta.None;

    public static ObjectiveIr Default => new(ObjectiveKind.Elbo, PaperAlpha);
}
