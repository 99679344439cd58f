using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

/// <summary>Synthetic MNIST-shaped files, built once per test run (55 MB each) and shared read-only.</summary>
internal static class Synthetic
{
    private static readonly Lazy<Dictionary<MnistFiles.Entry, byte[]>> Variant0 = new(() => IdxFiles.SyntheticMnist(0));
    private static readonly Lazy<Dictionary<MnistFiles.Entry, byte[]>> Variant1 = new(() => IdxFiles.SyntheticMnist(1));
    private static readonly Lazy<byte[]> Tarball0 = new(() => PackageTarball(Files));

    public static Dictionary<MnistFiles.Entry, byte[]> Files => Variant0.Value;

    /// <summary>Same shapes, different bytes (labels and pixels shifted by one).</summary>
    public static Dictionary<MnistFiles.Entry, byte[]> OtherFiles => Variant1.Value;

    /// <summary>An npm-style tarball of <see cref="Files"/>.</summary>
    public static byte[] Tarball => Tarball0.Value;

    public static byte[] PackageTarball(Dictionary<MnistFiles.Entry, byte[]> files) =>
        IdxFiles.Tarball(new[] { ("package/package.json", "{}"u8.ToArray()) }
            .Concat(files.Select(f => (MnistFiles.PackageDataPrefix + f.Key.Name, f.Value))));

    /// <summary>What the cache should expect for <paramref name="files"/> delivered in <paramref name="tarball"/>.</summary>
    public static MnistChecksums ChecksumsOf(Dictionary<MnistFiles.Entry, byte[]> files, byte[]? tarball = null) =>
        new(tarball is null ? new string('0', 64) : MnistChecksums.Sha256(tarball),
            files.ToDictionary(f => f.Key.Name, f => MnistChecksums.Sha256(f.Value)));
}
