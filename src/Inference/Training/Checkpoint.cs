using System.IO;
using System.Text;
using TorchSharp;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Saves weights so that a crash mid-write never replaces a good checkpoint with a broken one, and diverged
/// weights never replace it at all.
/// </summary>
public static class Checkpoint
{
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
