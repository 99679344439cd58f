namespace ProbDsl.Inference.Training;

/// <summary>
/// One epoch's numbers: training loss (-J/N, nats per example), test ELBO (mean U(x), nats per example; null on the
/// epochs <see cref="TrainingOptions.ElboEvery"/> skips), test error.
/// </summary>
public sealed record EpochReport(int Epoch, double TrainLoss, double? TestElbo, double TestError, double Seconds, double StepsPerSecond)
{
    public double TestAccuracy => 1 - TestError;

    /// <summary>The relaxation temperature at the end of the epoch, for relaxed models.</summary>
    public double? Temperature { get; init; }

    /// <summary>
    /// Steps whose loss was NaN or infinite and whose batch was skipped (<see cref="NonFiniteLossPolicy.SkipBatch"/>);
    /// <see cref="TrainLoss"/> is the mean over the other steps.
    /// </summary>
    public int SkippedSteps { get; init; }
}

/// <summary>Progress inside an epoch, for progress bars.</summary>
public readonly record struct StepProgress(int Epoch, int Step, int StepsPerEpoch, double RunningLoss);
