namespace ProbDsl.Inference.Training;

/// <summary>
/// One measurement of the stochastic gradient's variance at a fixed point of training: over
/// <paramref name="Minibatches"/> fresh minibatches with the same parameters, the sum over the guide's parameters of
/// each one's sample variance (n − 1), the squared norm of the mean gradient, and their ratio (the noise-to-signal
/// ratio: above 1 the minibatch gradient's direction is mostly noise).
/// </summary>
/// <param name="Step">The global step after which it was measured (1-based).</param>
/// <param name="Epoch">The epoch of that step.</param>
/// <param name="EndOfEpoch">Whether that step was the epoch's last.</param>
/// <param name="Parameters">Scalar parameters of the guide measured.</param>
public sealed record GradientVarianceReport(long Step, int Epoch, bool EndOfEpoch, int Minibatches, long Parameters,
    double TotalVariance, double MeanGradientSquaredNorm)
{
    /// <summary>Total variance over the squared norm of the mean gradient; infinite for a zero mean gradient.</summary>
    public double Ratio => MeanGradientSquaredNorm > 0 ? TotalVariance / MeanGradientSquaredNorm : double.PositiveInfinity;
}
