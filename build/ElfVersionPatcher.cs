// Compiled by MSBuild's RoslynCodeTaskFactory (netstandard2.0 API) — see TorchSharpNativeFix.targets.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// TorchSharp-cpu 0.107's libLibTorchSharp.so asks for GLIBCXX_3.4.32 only for std::ios_base_library_init(),
/// which nothing relocates against. On hosts whose libstdc++ is older (Debian 12: 3.4.30) the loader refuses the
/// library. Marking that one version requirement weak (VER_FLG_WEAK in .gnu.version_r) lets it load unchanged
/// otherwise. We patch the copy in the build/publish output, never the NuGet cache.
/// </summary>
public class PatchTorchSharpNative : Task
{
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Output copies of libLibTorchSharp.so.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = new ITaskItem[0];

    public override bool Execute()
    {
        if (Path.DirectorySeparatorChar != '/' || HostHasVersion())
            return true;
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path))
                continue;
            try
            {
                if (PatchFile(path))
                    Log.LogMessage(MessageImportance.Normal, "ProbDsl: marked " + MissingVersion + " weak in " + path + " (host libstdc++ is older).");
            }
            catch (InvalidDataException e)
            {
                Log.LogError("ProbDsl: cannot patch " + path + ": " + e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static bool HostHasVersion()
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
                return Contains(File.ReadAllBytes(candidate), Encoding.ASCII.GetBytes(MissingVersion + "\0"));
        }
        return false; // no libstdc++ found where we look: patching is harmless, loading will tell
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Length)
                return true;
        }
        return false;
    }

    /// <summary>Returns true when the file changed. Writes a patched copy and moves it over the original,
    /// because the output file may be a hard link into the NuGet cache; keeps the timestamp so incremental
    /// builds do not copy the unpatched file back.</summary>
    private static bool PatchFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = FindVernauxFlags(bytes);
        if (offset < 0)
            return false;
        var flags = BitConverter.ToUInt16(bytes, offset);
        if ((flags & VerFlgWeak) != 0)
            return false;
        var patched = (ushort)(flags | VerFlgWeak);
        bytes[offset] = (byte)(patched & 0xff);
        bytes[offset + 1] = (byte)(patched >> 8);

        var timestamp = File.GetLastWriteTimeUtc(path);
        var temporary = path + ".probdsl-patch";
        File.WriteAllBytes(temporary, bytes);
        File.SetLastWriteTimeUtc(temporary, timestamp);
        File.Delete(path);
        File.Move(temporary, path);
        return true;
    }

    /// <summary>Offset of vna_flags of the Vernaux entry naming GLIBCXX_3.4.32, or -1 if there is none.</summary>
    private static int FindVernauxFlags(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        var sectionHeaders = checked((int)BitConverter.ToUInt64(elf, 0x28));
        int entrySize = BitConverter.ToUInt16(elf, 0x3A), count = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < count; i++)
        {
            var header = sectionHeaders + i * entrySize;
            if (header + 64 > elf.Length)
                throw new InvalidDataException("section header table is truncated");
            if (BitConverter.ToUInt32(elf, header + 4) != ShtGnuVerneed)
                continue;
            var verneed = checked((int)BitConverter.ToUInt64(elf, header + 0x18));
            var stringsHeader = sectionHeaders + (int)BitConverter.ToUInt32(elf, header + 0x28) * entrySize;
            var strings = checked((int)BitConverter.ToUInt64(elf, stringsHeader + 0x18));
            return FindInVerneed(elf, verneed, strings);
        }
        return -1;
    }

    private static int FindInVerneed(byte[] elf, int entry, int strings)
    {
        while (true)
        {
            int auxCount = BitConverter.ToUInt16(elf, entry + 2);
            var aux = entry + (int)BitConverter.ToUInt32(elf, entry + 8);
            for (var a = 0; a < auxCount; a++)
            {
                var name = ReadString(elf, strings + (int)BitConverter.ToUInt32(elf, aux + 8));
                if (name == MissingVersion)
                    return aux + 4;
                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }
            var next = (int)BitConverter.ToUInt32(elf, entry + 12);
            if (next == 0)
                return -1;
            entry += next;
        }
    }

    private static string ReadString(byte[] elf, int start)
    {
        var end = start;
        while (end < elf.Length && elf[end] != 0)
            end++;
        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
