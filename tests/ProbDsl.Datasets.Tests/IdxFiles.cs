using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

/// <summary>Writes small IDX files, MNIST-shaped directories and package tarballs for tests - no real MNIST, no network.</summary>
internal static class IdxFiles
{
    /// <summary>An IDX image of unsigned bytes: magic 0x000008DD, big-endian sizes, payload.</summary>
    public static byte[] Encode(int[] dimensions, byte[] payload)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + payload.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)dimensions.Length;
        for (var d = 0; d < dimensions.Length; d++)
        {
            bytes[4 + 4 * d] = (byte)(dimensions[d] >> 24);
            bytes[5 + 4 * d] = (byte)(dimensions[d] >> 16);
            bytes[6 + 4 * d] = (byte)(dimensions[d] >> 8);
            bytes[7 + 4 * d] = (byte)dimensions[d];
        }
        payload.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    /// <summary>
    /// The four files with MNIST's exact shapes and synthetic content: labels cycle 0..9 (shifted by
    /// <paramref name="variant"/>), every pixel of image i is (i mod 10) * 25. Variants differ in bytes, not shape.
    /// </summary>
    public static Dictionary<MnistFiles.Entry, byte[]> SyntheticMnist(int variant = 0)
    {
        byte[] Images(int count)
        {
            var pixels = new byte[count * 784];
            for (var i = 0; i < count; i++)
                pixels.AsSpan(i * 784, 784).Fill((byte)((i + variant) % 10 * 25));
            return Encode(new[] { count, 28, 28 }, pixels);
        }

        byte[] Labels(int count)
        {
            var labels = new byte[count];
            for (var i = 0; i < count; i++)
                labels[i] = (byte)((i + variant) % 10);
            return Encode(new[] { count }, labels);
        }

        return new Dictionary<MnistFiles.Entry, byte[]>
        {
            [MnistFiles.TrainImages] = Images(60_000),
            [MnistFiles.TrainLabels] = Labels(60_000),
            [MnistFiles.TestImages] = Images(10_000),
            [MnistFiles.TestLabels] = Labels(10_000),
        };
    }

    /// <summary>Writes the files into <paramref name="directory"/> under a spelling chosen by <paramref name="name"/>.</summary>
    public static string WriteAll(string directory, Dictionary<MnistFiles.Entry, byte[]> files, Func<MnistFiles.Entry, string>? name = null, bool gzip = false)
    {
        foreach (var (entry, bytes) in files)
        {
            var path = Path.Combine(directory, (name ?? (e => e.Name))(entry) + (gzip ? ".gz" : ""));
            File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
        }
        return directory;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }

    /// <summary>A .tgz laid out like an npm package: entries under <c>package/</c>.</summary>
    public static byte[] Tarball(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (name, bytes) in entries)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
        }
        return output.ToArray();
    }
}

/// <summary>A fresh directory under the temp directory, deleted afterwards (the synthetic MNIST files are 55 MB).</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "probdsl-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; it is under the temp directory.
        }
    }
}
