using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Replaces a file so that a crash at any moment leaves either the old file or the complete new one: the new
/// content goes to a hidden temporary file next to it (<c>.NAME.GUID.tmp</c>), is flushed to disk (fsync), and is
/// then renamed over the old one; the directory is synced too, so that the rename itself survives a power loss.
/// A temporary file left by a killed earlier save of the same file is removed at the next save.
/// </summary>
internal static class AtomicFile
{
    /// <param name="create">Opens the temporary file; tests pass one that records the flush.</param>
    public static void Replace(string path, Action<Stream> write, Func<string, FileStream>? create = null)
    {
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        Directory.CreateDirectory(directory);
        RemoveStaleTemporaries(directory, name);
        var temporary = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = (create ?? CreateTemporary)(temporary))
            {
                write(stream);
                // Without this the rename may reach the disk before the data: a crash then leaves an empty file.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
            SyncDirectory(directory);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>Temporary files of this target only (<c>.NAME.</c> + 32 hex digits + <c>.tmp</c>), never anything else.</summary>
    internal static bool IsTemporaryOf(string fileName, string name)
    {
        var prefix = "." + name + ".";
        const string suffix = ".tmp";
        if (fileName.Length != prefix.Length + 32 + suffix.Length
            || !fileName.StartsWith(prefix, StringComparison.Ordinal) || !fileName.EndsWith(suffix, StringComparison.Ordinal))
            return false;
        for (var i = prefix.Length; i < prefix.Length + 32; i++)
            if (!Uri.IsHexDigit(fileName[i]))
                return false;
        return true;
    }

    /// <summary>
    /// A save killed between creating and renaming its temporary file leaves it behind. Two processes saving the same
    /// checkpoint at once would overwrite each other's result anyway, so any such file here is stale.
    /// </summary>
    private static void RemoveStaleTemporaries(string directory, string name)
    {
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp"))
            if (IsTemporaryOf(Path.GetFileName(file), name))
                File.Delete(file);
    }

    private static FileStream CreateTemporary(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    /// <summary>fsync on the directory makes the rename durable (POSIX); there is no .NET API for it. Best effort.</summary>
    private static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return;
        var descriptor = Posix.open(directory, 0 /* O_RDONLY */);
        if (descriptor < 0)
            return;
        Posix.fsync(descriptor);
        Posix.close(descriptor);
    }

    private static class Posix
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int fsync(int descriptor);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int descriptor);
    }
}
