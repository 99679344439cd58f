// Compiled by MSBuild's RoslynCodeTaskFactory (netstandard2.0 API) — see TorchSharpNativeFix.targets.
using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// TorchSharp-cpu 0.107's libLibTorchSharp.so asks for GLIBCXX_3.4.32 only for std::ios_base_library_init(),
/// which nothing relocates against. On hosts whose libstdc++ is older (Debian 12: 3.4.30) the loader refuses the
/// library. Marking that one version requirement weak (VER_FLG_WEAK in .gnu.version_r) makes the loader accept
/// its absence and leaves the library otherwise unchanged. Only the copies in build/publish outputs are patched,
/// never the NuGet cache.
/// </summary>
public class PatchTorchSharpNative : Task
{
    private const string NeededVersion = "GLIBCXX_3.4.32";
    private const ushort VerFlgWeak = 0x2;

    // Where distributions put the libstdc++ the loader will pick (multiarch first, then lib64/lib).
    private static readonly string[] LibstdcxxDirectories =
    {
        "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu",
        "/usr/lib64", "/lib64", "/usr/lib", "/lib",
    };

    /// <summary>Output copies of libLibTorchSharp.so (build output or publish directory).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = new ITaskItem[0];

    public override bool Execute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            return Skip("not a Linux host");
        var libstdcxx = FindHostLibstdcxx();
        if (libstdcxx != null && FileContains(libstdcxx, NeededVersion + "\0"))
            return Skip(libstdcxx + " provides " + NeededVersion);
        // No libstdc++ where we look: patch anyway. A weak requirement is harmless where the version exists.

        foreach (var item in Files)
            PatchOutputCopy(item.ItemSpec);
        return !Log.HasLoggedErrors;
    }

    private bool Skip(string reason)
    {
        Log.LogMessage(MessageImportance.Low, "ProbDsl: libLibTorchSharp.so left as is (" + reason + ").");
        return true;
    }

    private void PatchOutputCopy(string path)
    {
        if (!File.Exists(path))
            return; // the item list names it, but this build did not produce it (nothing to fix)
        try
        {
            if (MarkVersionWeak(path))
                Log.LogMessage(MessageImportance.Normal, "ProbDsl: marked " + NeededVersion + " weak in " + path + " (host libstdc++ lacks it).");
            else
                Log.LogMessage(MessageImportance.Low, "ProbDsl: " + path + " needs no change (" + NeededVersion + " already weak or not required).");
        }
        catch (InvalidDataException e)
        {
            Log.LogError("ProbDsl: cannot patch " + path + ": malformed ELF: " + e.Message);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Log.LogError("ProbDsl: cannot patch " + path + ": " + e.Message);
        }
    }

    /// <summary>The host's libstdc++.so.6, or null when it is in none of the usual places.</summary>
    private static string FindHostLibstdcxx()
    {
        foreach (var directory in LibstdcxxDirectories)
        {
            var candidate = Path.Combine(directory, "libstdc++.so.6");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static bool FileContains(string path, string text)
    {
        byte[] haystack = File.ReadAllBytes(path), needle = Encoding.ASCII.GetBytes(text);
        for (var i = Array.IndexOf(haystack, needle[0]); i >= 0 && i + needle.Length <= haystack.Length; i = Array.IndexOf(haystack, needle[0], i + 1))
        {
            var j = 1;
            while (j < needle.Length && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Length)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Sets the weak flag and returns true, or returns false when there is nothing to do (idempotent: an already weak
    /// requirement means no rewrite at all). The output file may be a hard link into the NuGet cache, so the change
    /// goes into a fresh copy that then replaces it; the copy keeps the original's timestamp, otherwise every
    /// incremental build would see a "changed" file, copy the unpatched one back and rebuild dependants.
    /// </summary>
    private static bool MarkVersionWeak(string path)
    {
        var elf = File.ReadAllBytes(path);
        var flagsOffset = new ElfVersionNeeds(elf).FindFlagsOffset(NeededVersion);
        if (flagsOffset < 0)
            return false;
        var flags = (ushort)(elf[flagsOffset] | elf[flagsOffset + 1] << 8);
        if ((flags & VerFlgWeak) != 0)
            return false;

        var timestamp = File.GetLastWriteTimeUtc(path);
        var temporary = path + ".probdsl-patch.tmp";
        try
        {
            File.Copy(path, temporary, true); // a new inode with the original's permissions
            WriteUInt16(temporary, flagsOffset, (ushort)(flags | VerFlgWeak));
            File.SetLastWriteTimeUtc(temporary, timestamp);
            File.Delete(path); // unlinks only this name; a cache file it was linked to keeps its bytes
            File.Move(temporary, path);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
        return true;
    }

    private static void WriteUInt16(string path, long offset, ushort value)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Position = offset;
            stream.WriteByte((byte)(value & 0xff));
            stream.WriteByte((byte)(value >> 8));
        }
    }
}

/// <summary>
/// Just enough of ELF64 little-endian to find one version requirement (Elf64_Vernaux) in the SHT_GNU_verneed section.
/// Every read is bounds-checked so a malformed file gives an InvalidDataException saying what is wrong, not a crash.
/// </summary>
internal sealed class ElfVersionNeeds
{
    private const uint ShtStrtab = 3;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const int SectionHeaderSize = 64; // sizeof(Elf64_Shdr)

    private readonly byte[] _elf;

    public ElfVersionNeeds(byte[] elf)
    {
        _elf = elf;
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("no ELF header");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
    }

    /// <summary>File offset of vna_flags of the requirement named <paramref name="version"/>, or -1 if none.</summary>
    public int FindFlagsOffset(string version)
    {
        var verneed = FindSection(ShtGnuVerneed);
        if (verneed < 0)
            return -1; // requires no symbol versions at all
        var strings = SectionHeader(Word(verneed + 0x28)); // sh_link: the string table holding the names
        if (Word(strings + 4) != ShtStrtab)
            throw new InvalidDataException(".gnu.version_r links to a section that is not a string table");
        return FindInVerneedChain(verneed, SectionContents(strings), version);
    }

    private int FindSection(uint type)
    {
        var count = Half(0x3C); // e_shnum
        if (Half(0x3A) != SectionHeaderSize) // e_shentsize
            throw new InvalidDataException("unexpected section header size " + Half(0x3A));
        for (var index = 0; index < count; index++)
        {
            var header = SectionHeader(index);
            if (Word(header + 4) == type)
                return header;
        }
        return -1;
    }

    private int SectionHeader(long index)
    {
        if (index >= Half(0x3C))
            throw new InvalidDataException("section index " + index + " out of range");
        var table = (ulong)Checked(Xword(0x28), 0, "section header table"); // e_shoff, checked first so the sum cannot wrap
        return Checked(table + (ulong)index * SectionHeaderSize, SectionHeaderSize, "section header " + index);
    }

    /// <summary>(file offset, size) of a section's bytes, checked to lie inside the file.</summary>
    private Range SectionContents(int header)
    {
        var size = Xword(header + 0x20);
        return new Range(Checked(Xword(header + 0x18), size, "section contents"), (int)size);
    }

    /// <summary>
    /// Walks the Elf64_Verneed list (one entry per needed library) and each entry's Elf64_Vernaux list (one per
    /// version). Offsets are relative to the current entry; counts from the headers bound the walk so a cycle or a
    /// bad link cannot loop forever or leave the section.
    /// </summary>
    private int FindInVerneedChain(int verneedHeader, Range strings, string version)
    {
        var section = SectionContents(verneedHeader);
        var entryCount = Word(verneedHeader + 0x2C); // sh_info: number of Verneed entries
        long entry = section.Start;
        for (var e = 0; e < entryCount; e++)
        {
            section.Require(entry, 16, "Verneed entry");
            var aux = entry + (long)Word(entry + 8); // vn_aux
            for (var a = 0; a < Half(entry + 2); a++) // vn_cnt
            {
                section.Require(aux, 16, "Vernaux entry");
                if (ReadString(strings, Word(aux + 8)) == version) // vna_name
                    return (int)aux + 4; // vna_flags
                aux += Word(aux + 12); // vna_next
            }
            var next = Word(entry + 12); // vn_next
            if (next == 0)
                break;
            entry += next;
        }
        return -1;
    }

    private string ReadString(Range strings, uint offset)
    {
        if (offset >= strings.Length)
            throw new InvalidDataException("version name offset " + offset + " is outside the string table");
        var start = strings.Start + (int)offset;
        var end = Array.IndexOf(_elf, (byte)0, start, strings.End - start);
        if (end < 0)
            throw new InvalidDataException("unterminated string in the string table");
        return Encoding.ASCII.GetString(_elf, start, end - start);
    }

    /// <summary>Returns <paramref name="offset"/> as an int after checking that length bytes from it lie in the file.</summary>
    private int Checked(ulong offset, ulong length, string what)
    {
        if (offset > (ulong)_elf.Length || length > (ulong)_elf.Length - offset)
            throw new InvalidDataException(what + " at 0x" + offset.ToString("x") + " extends past the end of the file");
        return (int)offset;
    }

    private ushort Half(long at) => BitConverter.ToUInt16(_elf, Checked((ulong)at, 2, "field"));
    private uint Word(long at) => BitConverter.ToUInt32(_elf, Checked((ulong)at, 4, "field"));
    private ulong Xword(long at) => BitConverter.ToUInt64(_elf, Checked((ulong)at, 8, "field"));

    /// <summary>A byte range of the file, to keep a walk inside one section.</summary>
    private readonly struct Range
    {
        public Range(int start, int length) { Start = start; Length = length; }
        public int Start { get; }
        public int Length { get; }
        public int End => Start + Length;

        public void Require(long at, int size, string what)
        {
            if (at < Start || at + size > End)
                throw new InvalidDataException(what + " at 0x" + at.ToString("x") + " lies outside its section");
        }
    }
}
