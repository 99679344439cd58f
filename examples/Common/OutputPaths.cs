using System;
using System.IO;
using ProbDsl.Inference.Training;

namespace ProbDsl.Examples.Common;

/// <summary>
/// Start-up checks of the paths a run will write, so that a bad path fails in the first second with its reason
/// instead of after an epoch of training. Writability is tested by creating (and at once deleting) a file: the only
/// test that also covers read-only file systems, ACLs and running as root.
/// </summary>
public static class OutputPaths
{
    /// <returns>Why <paramref name="path"/> cannot be the checkpoint file, or null when it can.</returns>
    public static string? FileProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "the path is empty; name a file";
        if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            return "the path contains a character no file name may hold";
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            return $"is a directory; name a file, e.g. {Path.Combine(path, "model.ckpt")}";
        if (path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar))
            return "ends with a directory separator; name a file";
        if (File.Exists(full) && !Checkpoint.IsTrainingCheckpoint(full))
            return "exists and is not a ProbDsl training checkpoint; refusing to overwrite it (move it away or name another file)";
        return DirectoryProblem(Path.GetDirectoryName(full)!);
    }

    /// <returns>Why files cannot be created in <paramref name="directory"/> (or, when it does not exist yet, in its nearest existing ancestor, where it would be created).</returns>
    public static string? DirectoryProblem(string directory)
    {
        var current = Path.GetFullPath(directory);
        while (!Directory.Exists(current))
        {
            if (File.Exists(current))
                return $"{current} is a file, not a directory";
            current = Path.GetDirectoryName(current);
            if (current is null)
                return "no part of the path exists";
        }
        return WriteProblem(current);
    }

    private static string? WriteProblem(string directory)
    {
        var probe = Path.Combine(directory, $".probdsl-write-test-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"cannot write in {directory} ({e.Message})";
        }
    }
}
