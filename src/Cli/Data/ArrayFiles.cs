using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using ProbDsl.Datasets;

namespace ProbDsl.Cli.Data;

/// <summary>Reads the array a binding names, by the file's extension: .npy, .npz (the entry named after the variable, or its only entry) or .csv.</summary>
internal static class ArrayFiles
{
    public static NpyArray Read(Binding binding)
    {
        var path = binding.Path;
        if (!File.Exists(path))
            throw new UserError($"{binding}: {path}: no such file.");
        if (IsIdx(path))
            return IdxArray.Read(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".npy" => NpyReader.Read(path),
            ".npz" => ReadNpz(binding),
            ".csv" => CsvReader.Read(path),
            _ => throw new UserError($"{binding}: unknown file type '{extension}'; use a NumPy .npy or .npz file, a .csv file of numbers, or an IDX file (.idx, or named like train-images-idx3-ubyte[.gz])."),
        };
    }

    /// <summary>IDX files go by MNIST's naming (<c>train-images-idx3-ubyte</c>, also gzipped) or an .idx extension.</summary>
    private static bool IsIdx(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
            name = name[..^3];
        return name.EndsWith(".idx", StringComparison.Ordinal) || (name.Contains("-idx", StringComparison.Ordinal) && name.EndsWith("-ubyte", StringComparison.Ordinal));
    }

    /// <summary>An .npz is a zip of .npy files (np.savez): take the one named after the variable, or the only one.</summary>
    private static NpyArray ReadNpz(Binding binding)
    {
        using var archive = OpenZip(binding);
        var entries = archive.Entries.Where(e => e.Name.EndsWith(".npy", StringComparison.Ordinal)).ToList();
        var entry = entries.FirstOrDefault(e => e.FullName == binding.Variable + ".npy")
            ?? (entries.Count == 1 ? entries[0] : null)
            ?? throw new UserError($"{binding}: the archive holds {string.Join(", ", entries.Select(e => e.FullName))} but no {binding.Variable}.npy; save the array under the variable's name (np.savez(path, {binding.Variable}=a)).");
        using var stream = entry.Open();
        // Zip entry streams cannot seek or report their length reliably; the reader needs neither.
        return NpyReader.Read(stream, $"{binding.Path}:{entry.FullName}");
    }

    private static ZipArchive OpenZip(Binding binding)
    {
        try
        {
            return ZipFile.OpenRead(binding.Path);
        }
        catch (InvalidDataException e)
        {
            throw new UserError($"{binding}: not a NumPy .npz archive ({e.Message}).");
        }
    }
}
