using System.IO;
using TorchSharp;

namespace ProbDsl.Inference.Training;

/// <summary>Saves weights so that a crash mid-write never replaces a good checkpoint with a broken one.</summary>
public static class Checkpoint
{
    public static void SaveAtomically(torch.nn.Module module, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{System.Guid.NewGuid():N}.tmp");
        try
        {
            module.save(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
