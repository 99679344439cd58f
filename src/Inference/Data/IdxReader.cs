using System;
using System.IO;
using System.IO.Compression;

namespace ProbDsl.Inference.Data;

/// <summary>
/// Reads the IDX format of the MNIST files: a big-endian magic number (0x0000_08_0D: unsigned bytes,
/// D dimensions), D big-endian sizes, then the bytes. Anything that does not match exactly is rejected,
/// so a truncated or corrupted download is never trained on.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads an IDX file of unsigned bytes (optionally gzip-compressed, by extension) and checks its shape.</summary>
    public static byte[] Read(string path, params int[] expectedDimensions)
    {
        byte[] bytes;
        try
        {
            bytes = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(path) : File.ReadAllBytes(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a valid gzip file ({e.Message}).", e);
        }
        return Parse(bytes, path, expectedDimensions);
    }

    public static byte[] Parse(byte[] bytes, string path, int[] expectedDimensions)
    {
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08)
            throw new InvalidDataException($"{path}: not an IDX file of unsigned bytes (bad magic number).");
        int dimensions = bytes[3];
        if (dimensions != expectedDimensions.Length)
            throw new InvalidDataException($"{path}: expected {expectedDimensions.Length} dimensions, found {dimensions}.");
        var header = 4 + 4 * dimensions;
        if (bytes.Length < header)
            throw new InvalidDataException($"{path}: truncated header.");
        long payload = 1;
        for (var d = 0; d < dimensions; d++)
        {
            var size = ReadBigEndian(bytes, 4 + 4 * d);
            if (expectedDimensions[d] > 0 && size != expectedDimensions[d])
                throw new InvalidDataException($"{path}: dimension {d} is {size}, expected {expectedDimensions[d]}.");
            payload *= size;
        }
        if (bytes.Length != header + payload)
            throw new InvalidDataException(
                $"{path}: {bytes.Length} bytes, expected {header + payload} ({(bytes.Length < header + payload ? "truncated" : "trailing data")}).");
        var data = new byte[payload];
        Array.Copy(bytes, header, data, 0, payload);
        return data;
    }

    private static int ReadBigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
