using System;
using System.IO;
using System.Linq;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Tests;

/// <summary>TorchSharp's native library loads from a fresh build on this host (the build patches it where needed).</summary>
public class TorchSharpLoadsTests
{
    [Fact]
    public void A_matrix_product_runs_and_is_right()
    {
        var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        var b = tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });

        var product = a.matmul(b).data<float>().ToArray();

        Assert.Equal(new float[] { 19, 22, 43, 50 }, product);
    }

    [Fact]
    public void Output_copy_of_the_native_library_has_the_weak_version_requirement_when_the_host_lacks_it()
    {
        if (!OperatingSystem.IsLinux())
            return; // the fix (and this ELF) only matter on Linux
        var library = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).FirstOrDefault();
        Assert.True(library is not null, $"no libLibTorchSharp.so under {AppContext.BaseDirectory}");
        var hostLibstdcxx = new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib" }
            .Select(directory => Path.Combine(directory, "libstdc++.so.6"))
            .FirstOrDefault(File.Exists);
        var hostHasVersion = hostLibstdcxx is not null && Contains(File.ReadAllBytes(hostLibstdcxx), "GLIBCXX_3.4.32\0");

        var flags = ElfVersionFlags(File.ReadAllBytes(library), "GLIBCXX_3.4.32");

        if (!hostHasVersion)
            Assert.True((flags & 0x2) != 0, $"{library}: GLIBCXX_3.4.32 is required but not weak (flags {flags}).");
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    /// <summary>An independent reader of .gnu.version_r (not the build task's code): vna_flags of the named version.</summary>
    private static int ElfVersionFlags(byte[] elf, string version)
    {
        var shoff = (int)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        var sections = Enumerable.Range(0, shnum).Select(i => shoff + i * shentsize).ToArray();
        var verneed = sections.Single(s => BitConverter.ToUInt32(elf, s + 4) == 0x6ffffffe);
        var strtab = (int)BitConverter.ToUInt64(elf, sections[BitConverter.ToUInt32(elf, verneed + 0x28)] + 0x18);
        var entry = (int)BitConverter.ToUInt64(elf, verneed + 0x18);
        while (true)
        {
            var aux = entry + (int)BitConverter.ToUInt32(elf, entry + 8);
            for (var i = 0; i < BitConverter.ToUInt16(elf, entry + 2); i++)
            {
                var nameOffset = strtab + (int)BitConverter.ToUInt32(elf, aux + 8);
                var name = Encoding.ASCII.GetString(elf, nameOffset, Array.IndexOf(elf, (byte)0, nameOffset) - nameOffset);
                if (name == version)
                    return BitConverter.ToUInt16(elf, aux + 4);
                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }
            var next = (int)BitConverter.ToUInt32(elf, entry + 12);
            if (next == 0)
                return 0;
            entry += next;
        }
    }
}
