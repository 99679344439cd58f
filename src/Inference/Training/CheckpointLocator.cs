using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Finds the checkpoint to resume from: a file as given, or in a directory the most advanced checkpoint of this
/// model that is intact. A damaged newest checkpoint (a disk fault; saves themselves are atomic) falls back to an
/// older one, and the reason is kept for the caller to show.
/// </summary>
internal static class CheckpointLocator
{
    public sealed record Found(string Path, CheckpointHeader Header, BinaryReader Tensors, IReadOnlyList<string> Skipped);

    /// <exception cref="CheckpointException">Nothing to resume from; the message says what was found instead.</exception>
    public static Found Resolve(string fileOrDirectory, ModelIdentity model)
    {
        if (File.Exists(fileOrDirectory))
        {
            var (header, tensors) = CheckpointFile.Read(fileOrDirectory);
            return new Found(fileOrDirectory, header, tensors, []);
        }
        if (!Directory.Exists(fileOrDirectory))
            throw new CheckpointException($"{fileOrDirectory}: no such file or directory.");
        return Newest(fileOrDirectory, model);
    }

    private static Found Newest(string directory, ModelIdentity model)
    {
        var skipped = new List<string>();
        var candidates = new List<(string Path, CheckpointHeader Header)>();
        foreach (var path in Directory.EnumerateFiles(directory).Where(p => !Path.GetFileName(p).StartsWith('.')).Order())
        {
            if (!CheckpointFile.LooksLikeCheckpoint(path))
                continue;
            try
            {
                var (header, tensors) = CheckpointFile.Read(path);
                tensors.Dispose();
                if (header.ModelHash == model.Hash)
                    candidates.Add((path, header));
                else
                    skipped.Add($"{path}: a checkpoint of {header.ModelDescription}, not of this model");
            }
            catch (CheckpointException e)
            {
                skipped.Add(e.Message);
            }
        }
        if (candidates.Count == 0)
            throw new CheckpointException($"{directory}: no intact checkpoint of {model.Description} here" +
                (skipped.Count == 0 ? "." : ":\n  " + string.Join("\n  ", skipped)));
        var newest = candidates.OrderByDescending(c => c.Header.GlobalStep).ThenByDescending(c => c.Header.Epoch).First();
        var (_, reader) = CheckpointFile.Read(newest.Path);
        return new Found(newest.Path, newest.Header, reader, skipped);
    }
}
