namespace ProbDsl.Differential.Tests.Harness;

/// <summary>One disagreement found on one model and guide: which quantity and by how much.</summary>
public sealed record Finding(string Guide, string Quantity, string Detail)
{
    public override string ToString() => $"guide {Guide}, {Quantity}: {Detail}";
}
