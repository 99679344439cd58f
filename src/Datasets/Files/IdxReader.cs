using System;
using System.IO;
using System.IO.Compression;

namespace ProbDsl.Datasets;

/// <summary>
/// Reads the IDX format of the MNIST files: a big-endian magic number <c>0x0000_08_DD</c> (type 0x08 =
/// unsigned bytes, DD = number of dimensions, so 0x00000803 for images and 0x00000801 for labels), DD
/// big-endian 32-bit sizes, then exactly the product of the sizes in bytes. Anything that does not match
/// exactly is rejected with an <see cref="InvalidDataException"/> naming the file and the fault, so a
/// truncated or corrupted download is never trained on. Written by hand: the format is tiny and every
/// check should say what is wrong, which no library we could depend on does.
/// </summary>
public static class IdxReader
{
    /// <summary>The IDX type code of unsigned bytes, the only one MNIST uses.</summary>
    public const byte UnsignedByte = 0x08;

    /// <summary>
    /// Reads an IDX file of unsigned bytes and checks its shape; returns the payload (row-major).
    /// <paramref name="expectedDimensions"/> gives the exact sizes; a size of 0 accepts any.
    /// </summary>
    public static byte[] Read(string path, params int[] expectedDimensions) =>
        Parse(ReadBytes(path), path, expectedDimensions);

    /// <summary>
    /// The whole file as stored, gunzipped when it is gzip. Recognised by content (gzip starts 1F 8B, IDX
    /// starts 00 00), not by the name, so a <c>.gz</c> that was unpacked but kept its name still reads.
    /// </summary>
    public static byte[] ReadBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B ? Gunzip(bytes, path) : bytes;
    }

    /// <summary>Validates an in-memory IDX image (magic, dimensions, exact length) and returns its payload.</summary>
    /// <param name="path">Only for messages: the file the bytes came from.</param>
    public static byte[] Parse(byte[] bytes, string path, params int[] expectedDimensions)
    {
        var header = HeaderLength(expectedDimensions.Length);
        var payload = PayloadLength(bytes, path, expectedDimensions);
        if (bytes.Length != header + payload)
        {
            var fault = bytes.Length < header + payload ? "truncated" : "trailing data after the last item";
            throw new InvalidDataException(
                $"{path}: {bytes.Length} bytes, but its header announces {header + payload} ({fault}); the file is damaged - delete it and fetch it again.");
        }
        return bytes.AsSpan(header).ToArray();
    }

    private static int HeaderLength(int dimensions) => 4 + 4 * dimensions;

    /// <summary>Checks magic and sizes; returns the payload length the header announces.</summary>
    private static long PayloadLength(byte[] bytes, string path, int[] expectedDimensions)
    {
        var expectedMagic = (UnsignedByte << 8) | expectedDimensions.Length;
        if (bytes.Length < 4)
            throw new InvalidDataException($"{path}: only {bytes.Length} bytes, not an IDX file (no magic number).");
        var magic = ReadBigEndian(bytes, 0);
        if (magic != expectedMagic)
            throw new InvalidDataException(
                $"{path}: bad magic number 0x{magic:X8}, expected 0x{expectedMagic:X8} (IDX, unsigned bytes, {expectedDimensions.Length} dimension(s)); " +
                "not the right MNIST file, or not an IDX file at all.");
        if (bytes.Length < HeaderLength(expectedDimensions.Length))
            throw new InvalidDataException($"{path}: truncated inside the header ({bytes.Length} bytes).");

        long payload = 1;
        for (var d = 0; d < expectedDimensions.Length; d++)
        {
            // Sizes are unsigned 32-bit; anything past int.MaxValue is corruption for data held in one array.
            var size = ReadBigEndian(bytes, 4 + 4 * d);
            if (size < 0 || (expectedDimensions[d] > 0 && size != expectedDimensions[d]))
                throw new InvalidDataException(
                    $"{path}: dimension {d} has size {(uint)size}, expected {(expectedDimensions[d] > 0 ? expectedDimensions[d].ToString(System.Globalization.CultureInfo.InvariantCulture) : "a size below 2^31")}.");
            payload *= size;
            if (payload > Array.MaxLength)
                throw new InvalidDataException($"{path}: the header announces more than {Array.MaxLength} bytes; the file is corrupt.");
        }
        return payload;
    }

    internal static int ReadBigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    private static byte[] Gunzip(byte[] compressed, string path)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: damaged gzip data ({e.Message}).", e);
        }
    }
}
