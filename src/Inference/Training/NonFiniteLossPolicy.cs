namespace ProbDsl.Inference.Training;

/// <summary>What the trainer does when a step's loss is NaN or infinite.</summary>
public enum NonFiniteLossPolicy
{
    /// <summary>Stop with a <see cref="NonFiniteLossException"/> naming the epoch, the step and the term (the default).</summary>
    Stop,

    /// <summary>
    /// Skip the batch: no gradient step, the weights stay as they were, and the epoch's report counts it
    /// (<see cref="EpochReport.SkippedSteps"/>). For data with rare bad rows; a run that skips every step is still
    /// visible in the reports.
    /// </summary>
    SkipBatch,
}
