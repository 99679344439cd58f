using System.Collections.Generic;
using System.IO;
using System.Text;
using TorchSharp;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Saves weights so that a crash mid-write never replaces a good checkpoint with a broken one, and diverged
/// weights never replace it at all; reads what a trainer's checkpoint (see Trainer.Checkpoints.cs) holds.
/// </summary>
public static class Checkpoint
{
    /// <summary>True when the file starts as a trainer's checkpoint does (reads 8 bytes; the content is verified on resume).</summary>
    public static bool IsTrainingCheckpoint(string path) => CheckpointFile.LooksLikeCheckpoint(path);

    /// <summary>The reports of the epochs finished when a trainer wrote this checkpoint, with every number exact.</summary>
    /// <exception cref="CheckpointException">Missing, not a checkpoint, or damaged.</exception>
    public static IReadOnlyList<EpochReport> ReadReports(string path)
    {
        var (header, tensors) = CheckpointFile.Read(path);
        tensors.Dispose();
        return header.Reports;
    }

    /// <summary>Where the run stood when it wrote this checkpoint.</summary>
    /// <exception cref="CheckpointException">Missing, not a checkpoint, or damaged.</exception>
    public static CheckpointProgress ReadProgress(string path)
    {
        var (header, tensors) = CheckpointFile.Read(path);
        tensors.Dispose();
        return new CheckpointProgress(header.Epoch, header.InEpoch?.StepsDone, header.GlobalStep);
    }

    /// <summary>Loads the weights of a trainer's checkpoint into <paramref name="module"/> (e.g. to evaluate a trained model).</summary>
    /// <exception cref="CheckpointException">Missing, not a checkpoint, or damaged.</exception>
    public static void LoadWeights(torch.nn.Module module, string path)
    {
        var (_, tensors) = CheckpointFile.Read(path);
        using (tensors)
            module.load(tensors);
    }

    /// <summary>
    /// Loads the weights of a trainer's checkpoint into <paramref name="module"/> after checking that it was written
    /// for this model and guide (the hash a resumed run checks); returns the reports of its finished epochs.
    /// </summary>
    /// <exception cref="CheckpointException">Missing, not a checkpoint, damaged, or of another model or guide (both named).</exception>
    public static IReadOnlyList<EpochReport> LoadWeightsOfSameModel(torch.nn.Module module, string path)
    {
        var (header, tensors) = CheckpointFile.Read(path);
        using (tensors)
        {
            var identity = ModelIdentity.Of(module);
            if (header.ModelHash != identity.Hash)
                throw new CheckpointException($"{path} holds the weights of {header.ModelDescription}, not of {identity.Description}.");
            module.load(tensors);
        }
        return header.Reports;
    }

    /// <exception cref="NonFiniteWeightsException">A weight is NaN or infinite; the file on disk is left as it was.</exception>
    public static void SaveAtomically(torch.nn.Module module, string path)
    {
        if (FiniteWeights.FirstNonFinite(module) is { } tensor)
            throw new NonFiniteWeightsException(tensor, path);
        AtomicFile.Replace(path, stream => Write(module, stream));
    }

    /// <summary>Module.save(Stream) closes the stream, before AtomicFile could flush it to disk: write through a writer that leaves it open.</summary>
    private static void Write(torch.nn.Module module, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        module.save(writer);
        writer.Flush();
    }
}

/// <param name="Epoch">The epoch to run next, or the interrupted one when <paramref name="StepsDoneInEpoch"/> is set.</param>
/// <param name="StepsDoneInEpoch">Steps done in the interrupted epoch; null when the checkpoint was written at an epoch's end.</param>
/// <param name="GlobalStep">Steps taken over the whole run.</param>
public sealed record CheckpointProgress(int Epoch, int? StepsDoneInEpoch, long GlobalStep);
