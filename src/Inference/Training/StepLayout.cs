using System;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Which steps of a semi-supervised epoch take which batches. Under <see cref="LabelledSchedule.EveryStep"/> every
/// step takes one of each. Under <see cref="LabelledSchedule.Interleaved"/> the epoch has its unlabelled steps plus
/// one labelled step per labelled batch (one pass over the labelled set), the labelled ones evenly spaced, the
/// first at step 2 as in Pyro's SS-VAE. The layout depends only on the sizes, so a resumed epoch recomputes it.
/// </summary>
internal sealed record StepLayout(int Steps, int UnlabelledSteps, int LabelledSteps, int Interval)
{
    public static StepLayout For(LabelledSchedule schedule, int unlabelledSteps, long labelledCount, int labelledBatch)
    {
        if (schedule == LabelledSchedule.EveryStep)
            return new StepLayout(unlabelledSteps, unlabelledSteps, 0, 0);
        var labelledSteps = (int)Math.Max(1, labelledCount / labelledBatch);
        var steps = unlabelledSteps + labelledSteps;
        return new StepLayout(steps, unlabelledSteps, labelledSteps, Math.Max(1, steps / labelledSteps));
    }

    public bool Interleaved => Interval > 0;

    /// <summary>
    /// How much a labelled step's loss is scaled: unlabelled steps per labelled step, so that over an epoch each term
    /// of Eq. 9 has the weight it has when every step takes both batches.
    /// </summary>
    public double LabelledWeight => Interleaved ? (double)UnlabelledSteps / LabelledSteps : 1;

    public bool IsLabelled(int step) => !Interleaved || LabelledBefore(step + 1) > LabelledBefore(step);

    /// <summary>The index of the unlabelled batch this step takes, or null for a labelled step.</summary>
    public int? UnlabelledBatchAt(int step)
    {
        if (!Interleaved)
            return step;
        return IsLabelled(step) ? null : step - LabelledBefore(step);
    }

    /// <summary>Labelled steps among steps 0 … step−1: those at 1, 1+Interval, 1+2·Interval, …, at most LabelledSteps.</summary>
    private int LabelledBefore(int step) => step <= 1 ? 0 : Math.Min(LabelledSteps, (step - 2) / Interval + 1);
}
