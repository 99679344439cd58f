using System.Collections.Generic;
using System.Globalization;

namespace ProbDsl.Inference.Training;

/// <summary>One term of a training loss and its batch mean, e.g. the labelled bound L(x,y) = -93.2.</summary>
public sealed record LossTerm(string Name, double Value)
{
    public bool IsFinite => double.IsFinite(Value);

    /// <summary>
    /// For a non-finite term that is a bound: the bound's pieces (e.g. "likelihood log p(x|y,z)",
    /// "-KL(q(z|x,y) || p(z))"), batch means evaluated again one by one; empty otherwise.
    /// </summary>
    public IReadOnlyList<LossTerm> Parts { get; init; } = System.Array.Empty<LossTerm>();

    /// <summary>Which bound <see cref="Parts"/> are the pieces of, e.g. "the labelled bound L(x,y)".</summary>
    public string? PartsOf { get; init; }

    public override string ToString() => $"{Name} = {Value.ToString("G6", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// The terms of a step's loss evaluated one by one, and which of the step's input batches hold NaN or infinite
/// values: what explains a non-finite loss. Computed only after the loss tripped, never on a healthy step.
/// </summary>
public sealed record LossBreakdown(IReadOnlyList<LossTerm> Terms, IReadOnlyList<string> NonFiniteInputs);
