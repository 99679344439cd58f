using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProbDsl.Datasets;

/// <summary>
/// Turns the bytes of the four files into a <see cref="MnistDataset"/>, validating structure strictly: IDX
/// magic and dimensions, exact lengths, labels 0–9. Shared by the cache and by <c>--data-dir</c>, so both
/// reject the same damage with the same messages.
/// </summary>
internal static class MnistReader
{
    /// <summary>One file's content as found on disk (gunzipped), and where it was found.</summary>
    internal sealed record RawFile(MnistFiles.Entry Entry, string Path, byte[] Bytes)
    {
        public string Sha256 { get; } = MnistChecksums.Sha256(Bytes);

        /// <summary>Reads a file; I/O errors become <see cref="MnistUnavailableException"/>, damage <see cref="InvalidDataException"/>.</summary>
        public static RawFile Read(MnistFiles.Entry entry, string path)
        {
            try
            {
                return new RawFile(entry, path, IdxReader.ReadBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new MnistUnavailableException($"{path}: cannot be read ({e.Message}).", e);
            }
        }
    }

    public static MnistDataset Parse(IReadOnlyDictionary<MnistFiles.Entry, RawFile> files)
    {
        byte[] Payload(MnistFiles.Entry entry)
        {
            var file = files[entry];
            var data = IdxReader.Parse(file.Bytes, file.Path, entry.Dimensions.ToArray());
            if (entry.IsLabels)
                CheckDigits(data, file.Path);
            return data;
        }

        return new MnistDataset(
            new MnistSplit(Payload(MnistFiles.TrainImages), Payload(MnistFiles.TrainLabels)),
            new MnistSplit(Payload(MnistFiles.TestImages), Payload(MnistFiles.TestLabels)));
    }

    private static void CheckDigits(byte[] labels, string path)
    {
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] >= MnistDataset.Classes)
                throw new InvalidDataException($"{path}: label {i} is {labels[i]}, not a digit 0-9; the file is corrupt.");
    }
}
