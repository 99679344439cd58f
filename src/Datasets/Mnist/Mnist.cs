using System;
using System.Collections.Generic;
using System.IO;

namespace ProbDsl.Datasets;

/// <summary>
/// Loads real MNIST: from a directory the user names (<c>--data-dir</c>), or from the user-level cache,
/// which fetches and verifies the files on first use (<see cref="MnistCache"/>).
/// </summary>
public static class Mnist
{
    /// <param name="dataDirectory">A directory holding the four IDX files (any of <see cref="MnistFiles.Spellings"/>); null for the cache.</param>
    /// <param name="log">Progress and warnings, one line each.</param>
    /// <exception cref="MnistUnavailableException">The files cannot be found or fetched; the message says what to do.</exception>
    /// <exception cref="InvalidDataException">A file is damaged; the message names it and the fault.</exception>
    public static MnistDataset Load(string? dataDirectory = null, Action<string>? log = null) =>
        dataDirectory is null
            ? new MnistCache(MnistCache.DefaultDirectory()).Load(log)
            : ReadDirectory(dataDirectory, log);

    /// <summary>
    /// Reads the four files from a directory of the user's choosing. Their structure is always validated
    /// strictly (a damaged file is an error). Their checksums are compared with the original MNIST but a
    /// difference is only a warning: a directory from elsewhere may legitimately hold a re-encoded copy or a
    /// drop-in data set of the same shape (Fashion-MNIST, KMNIST). The warning says that results will then
    /// not compare with published MNIST numbers. (The cache, which we fill ourselves, is strict instead.)
    /// </summary>
    public static MnistDataset ReadDirectory(string directory, Action<string>? log = null)
    {
        if (!Directory.Exists(directory))
            throw new MnistUnavailableException($"--data-dir {directory}: no such directory.");
        var files = new Dictionary<MnistFiles.Entry, MnistReader.RawFile>();
        foreach (var entry in MnistFiles.All)
        {
            var path = MnistFiles.Locate(directory, entry)
                ?? throw new MnistUnavailableException($"--data-dir {directory}: {entry.Name} not found (also looked for {string.Join(", ", MnistFiles.Spellings(entry))}).");
            var file = MnistReader.RawFile.Read(entry, path);
            if (file.Sha256 != entry.Sha256)
                log?.Invoke($"warning: {path} is not byte-identical to the original MNIST {entry.Name} (SHA-256 {file.Sha256}); " +
                    "using it anyway - results will not compare with published MNIST numbers.");
            files[entry] = file;
        }
        var dataset = MnistReader.Parse(files);
        log?.Invoke($"MNIST read from {directory}: {dataset.Train.Count:N0} training and {dataset.Test.Count:N0} test images.");
        return dataset;
    }
}
