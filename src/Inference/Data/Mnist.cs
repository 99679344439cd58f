using System;
using System.IO;

namespace ProbDsl.Inference.Data;

/// <summary>Loads real MNIST: from a directory the user names, or from the user-level cache (fetched on first use).</summary>
public static class Mnist
{
    /// <param name="dataDirectory">A directory with the four IDX files (any spelling, optionally .gz); null for the cache.</param>
    public static MnistDataset Load(string? dataDirectory = null, Action<string>? log = null) =>
        dataDirectory is null
            ? ReadDirectory(new MnistCache(MnistCache.DefaultDirectory()).Ensure(log))
            : ReadDirectory(dataDirectory);

    /// <summary>Reads and structurally validates the four files (magic numbers, sizes, exact lengths).</summary>
    public static MnistDataset ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new MnistUnavailableException($"--data-dir {directory}: no such directory.");
        string Find(MnistFiles.Entry entry) => MnistFiles.Locate(directory, entry)
            ?? throw new MnistUnavailableException($"--data-dir {directory}: {entry.Name} (or .gz / '.idx' spelling) not found.");

        var train = new MnistSplit(
            IdxReader.Read(Find(MnistFiles.TrainImages), 60_000, 28, 28),
            CheckLabels(IdxReader.Read(Find(MnistFiles.TrainLabels), 60_000), MnistFiles.TrainLabels.Name));
        var test = new MnistSplit(
            IdxReader.Read(Find(MnistFiles.TestImages), 10_000, 28, 28),
            CheckLabels(IdxReader.Read(Find(MnistFiles.TestLabels), 10_000), MnistFiles.TestLabels.Name));
        return new MnistDataset(train, test);
    }

    private static byte[] CheckLabels(byte[] labels, string name)
    {
        foreach (var label in labels)
            if (label > 9)
                throw new InvalidDataException($"{name}: label {label} is not a digit; the file is corrupt.");
        return labels;
    }
}
