namespace ProbDsl.Inference.Training;

/// <summary>
/// A checkpoint was refused because a weight (or buffer) holds NaN or infinite values: writing it would replace a
/// good checkpoint with a useless one. The checkpoint on disk is left as it was.
/// </summary>
public sealed class NonFiniteWeightsException : NonFiniteTrainingException
{
    public NonFiniteWeightsException(string tensorName, string checkpointPath)
        : base($"Refusing to write the checkpoint '{checkpointPath}': the model's '{tensorName}' holds NaN or infinite values, so the file on disk was left as it was. Training diverged; try a lower learning rate or check the data.")
    {
        TensorName = tensorName;
        CheckpointPath = checkpointPath;
    }

    /// <summary>The first parameter or buffer found non-finite.</summary>
    public string TensorName { get; }

    public string CheckpointPath { get; }
}
