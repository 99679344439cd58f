using System;
using System.Collections.Generic;

namespace ProbDsl.Inference.Training;

/// <summary>
/// When to measure the variance of the stochastic gradient of the guide's parameters during training, and where to
/// send each measurement (<see cref="SemiSupervisedTrainer{TModel}.GradientProbe"/>). The measurement leaves the
/// training trajectory as it was: its minibatches come from a generator of its own, and the global generator,
/// the REINFORCE baselines and the gradients are put back afterwards.
/// </summary>
/// <param name="Steps">Global steps (1-based, counted over the whole run) after which to measure.</param>
/// <param name="AtEndOfFirstEpoch">Also measure after the last step of epoch 1.</param>
/// <param name="Minibatches">M: fresh minibatches per measurement (at least 2).</param>
public sealed record GradientVarianceProbe(IReadOnlySet<long> Steps, bool AtEndOfFirstEpoch, int Minibatches, Action<GradientVarianceReport> Report)
{
    public const int DefaultMinibatches = 10;
}
