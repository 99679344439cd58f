using System;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Data;

namespace ProbDsl.Inference.Tests.Data;

/// <summary>Writes small IDX files for tests.</summary>
internal static class IdxFiles
{
    public static byte[] Encode(int[] dimensions, byte[] payload)
    {
        var header = new byte[4 + 4 * dimensions.Length];
        header[2] = 0x08;
        header[3] = (byte)dimensions.Length;
        for (var d = 0; d < dimensions.Length; d++)
        {
            header[4 + 4 * d] = (byte)(dimensions[d] >> 24);
            header[5 + 4 * d] = (byte)(dimensions[d] >> 16);
            header[6 + 4 * d] = (byte)(dimensions[d] >> 8);
            header[7 + 4 * d] = (byte)dimensions[d];
        }
        return header.Concat(payload).ToArray();
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "probdsl-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A full-size MNIST-shaped directory with synthetic content (labels cycle 0..9, pixels = label * 25).</summary>
    public static string SyntheticMnist(string directory, bool dottedNames = false)
    {
        void Write(MnistFiles.Entry entry, int[] dims, Func<int, byte> value)
        {
            var count = dims.Aggregate(1, (a, b) => a * b);
            var name = dottedNames ? entry.Name.Replace("-idx", ".idx") : entry.Name;
            File.WriteAllBytes(Path.Combine(directory, name), Encode(dims, Enumerable.Range(0, count).Select(value).ToArray()));
        }
        Write(MnistFiles.TrainImages, new[] { 60_000, 28, 28 }, i => (byte)(i / 784 % 10 * 25));
        Write(MnistFiles.TrainLabels, new[] { 60_000 }, i => (byte)(i % 10));
        Write(MnistFiles.TestImages, new[] { 10_000, 28, 28 }, i => (byte)(i / 784 % 10 * 25));
        Write(MnistFiles.TestLabels, new[] { 10_000 }, i => (byte)(i % 10));
        return directory;
    }
}
