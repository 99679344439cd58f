using System;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Training produced NaN or infinite numbers and stopped rather than go on silently (issue #10: "nothing lost,
/// nothing silent"). Catch this one type to handle both the loss (<see cref="NonFiniteLossException"/>) and the
/// weights at a checkpoint (<see cref="NonFiniteWeightsException"/>); the message says what to try.
/// </summary>
public abstract class NonFiniteTrainingException : Exception
{
    protected NonFiniteTrainingException(string message)
        : base(message)
    {
    }
}
