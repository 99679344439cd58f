using System;

namespace ProbDsl.Inference.Training;

/// <summary>
/// A checkpoint cannot be resumed: it is missing, damaged, of another model, or of a run with other settings. The
/// message names the file and says what to do; it is a user error, not a bug.
/// </summary>
public sealed class CheckpointException : Exception
{
    public CheckpointException(string message)
        : base(message)
    {
    }

    public CheckpointException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
