using System.IO;

namespace ProbDsl.Cli.Training;

/// <summary>
/// Held while a run writes to its output directory, so that a second <c>probdsl train</c> on the same directory is
/// refused instead of writing the same files (e.g. a comparison started again while a run of an interrupted one,
/// whose parent was killed alone, is still going). The lock is the operating system's and ends with the process.
/// </summary>
internal static class OutputLock
{
    public const string FileName = ".train.lock";

    /// <exception cref="UserError">Another process holds the directory.</exception>
    public static FileStream Acquire(string directory)
    {
        try
        {
            return new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new UserError($"--out {directory}: another probdsl train is writing to this directory; wait for it to end, or give another --out.");
        }
    }
}
