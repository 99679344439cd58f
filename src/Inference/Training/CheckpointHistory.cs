using System.IO;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Keeps the last k checkpoints of a run: the newest is always the file the run was told to write (<c>m2.ckpt</c>),
/// the older ones <c>m2.ckpt.1</c> (the previous), <c>m2.ckpt.2</c>, ... Each file is written atomically, so a crash
/// at any moment leaves every one of them complete; at worst two neighbours are equal.
/// </summary>
internal static class CheckpointHistory
{
    /// <summary>Shifts the older checkpoints back by one and copies the current one to <c>.1</c>, before it is replaced.</summary>
    public static void MakeRoom(string path, int keep)
    {
        for (var i = keep - 1; i >= 2; i--)
        {
            var older = Older(path, i - 1);
            if (File.Exists(older))
                File.Move(older, Older(path, i), overwrite: true);
        }
        // A copy, not a rename: the newest checkpoint must exist under its own name at every moment.
        if (keep >= 2 && File.Exists(path))
            AtomicFile.Replace(Older(path, 1), target =>
            {
                using var source = File.OpenRead(path);
                source.CopyTo(target);
            });
        // Fewer to keep than a previous run kept: the surplus would be mistaken for this run's history.
        for (var i = keep; File.Exists(Older(path, i)); i++)
            File.Delete(Older(path, i));
    }

    public static string Older(string path, int generation) => $"{path}.{generation}";
}
