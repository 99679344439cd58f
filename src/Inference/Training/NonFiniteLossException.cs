using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Inference.Training;

/// <summary>Where in a run a step is: its epoch (from 1) and its step within the epoch (from 1).</summary>
public readonly record struct StepPosition(int Epoch, int Step, int StepsPerEpoch)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"epoch {Epoch}, step {Step} of {StepsPerEpoch}");
}

/// <summary>
/// A step's loss was NaN or infinite. The message names the epoch, the step, the loss terms that were non-finite
/// (evaluated again one by one on the same batch), non-finite inputs or weights, and what to try. No gradient step
/// was taken with it and no checkpoint was written after it.
/// </summary>
public sealed class NonFiniteLossException : NonFiniteTrainingException
{
    public NonFiniteLossException(StepPosition position, double loss, LossBreakdown breakdown, string? nonFiniteWeight, TrainingOptions options)
        : base(Describe(position, loss, breakdown, nonFiniteWeight, options))
    {
        Position = position;
        Loss = loss;
        Breakdown = breakdown;
        NonFiniteWeight = nonFiniteWeight;
    }

    public StepPosition Position { get; }

    public int Epoch => Position.Epoch;

    public int Step => Position.Step;

    /// <summary>The loss as computed in the step: NaN, +∞ or −∞.</summary>
    public double Loss { get; }

    public LossBreakdown Breakdown { get; }

    /// <summary>The first parameter holding a non-finite value when the loss tripped (a previous step blew up), if any.</summary>
    public string? NonFiniteWeight { get; }

    /// <summary>The terms that were non-finite when evaluated again.</summary>
    public IEnumerable<LossTerm> NonFiniteTerms => Breakdown.Terms.Where(t => !t.IsFinite);

    /// <summary>The pieces of the non-finite bounds that were non-finite: a latent's KL, the likelihood, a prior, an entropy.</summary>
    public IEnumerable<LossTerm> NonFiniteParts => NonFiniteTerms.SelectMany(t => t.Parts).Where(p => !p.IsFinite);

    private static string Describe(StepPosition position, double loss, LossBreakdown breakdown, string? weight, TrainingOptions options)
    {
        var parts = new List<string>
        {
            $"Training stopped at {position}: the loss is {Number(loss)}.",
            Terms(breakdown.Terms),
        };
        parts.AddRange(breakdown.Terms.Where(t => !t.IsFinite && t.Parts.Count > 0).Select(Parts));
        if (breakdown.NonFiniteInputs.Count > 0)
            parts.Add($"The {string.Join(" and the ", breakdown.NonFiniteInputs)} contain NaN or infinite values: check the data.");
        if (weight is not null)
            parts.Add($"The weights are already non-finite (first: '{weight}'): an earlier step diverged.");
        parts.Add(string.Create(CultureInfo.InvariantCulture,
            $"Try a lower learning rate (this run: {options.LearningRate:G4}), check the data for NaN or infinite values, or set NonFiniteLoss = SkipBatch to skip such batches."));
        parts.Add(options.CheckpointPath is null
            ? "No gradient step was taken with this loss."
            : $"No gradient step was taken with this loss, and the checkpoint '{options.CheckpointPath}' was left as it was.");
        return string.Join(" ", parts);
    }

    private static string Terms(IReadOnlyList<LossTerm> terms)
    {
        var bad = terms.Where(t => !t.IsFinite).ToList();
        var good = terms.Where(t => t.IsFinite).ToList();
        if (bad.Count == 0)
            return $"Evaluated again on the same batch, every term is finite ({string.Join(", ", good)}): the non-finite value came from a random draw.";
        var text = $"Non-finite: {string.Join(", ", bad)} (evaluated again on the same batch).";
        return good.Count == 0 ? text : $"{text} Finite: {string.Join(", ", good)}.";
    }

    /// <summary>Which piece of a non-finite bound went non-finite: the KL of a latent, the likelihood, a prior, an entropy.</summary>
    private static string Parts(LossTerm term)
    {
        var bad = term.Parts.Where(t => !t.IsFinite).ToList();
        var good = term.Parts.Where(t => t.IsFinite).ToList();
        if (bad.Count == 0)
            return $"Term by term, every piece of {term.PartsOf} is finite when drawn again ({string.Join(", ", good)}).";
        var text = $"In {term.PartsOf}, non-finite: {string.Join(", ", bad)}.";
        return good.Count == 0 ? text : $"{text} Finite: {string.Join(", ", good)}.";
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
