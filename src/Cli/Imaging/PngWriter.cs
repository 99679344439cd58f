using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace ProbDsl.Cli.Imaging;

/// <summary>
/// Writes an 8-bit grayscale PNG (colour type 0, no interlace, filter 0 on every row, one zlib IDAT chunk): all a
/// sample grid needs, with no imaging library and its native dependencies.
/// </summary>
internal static class PngWriter
{
    private static readonly byte[] Signature = { 137, 80, 78, 71, 13, 10, 26, 10 };

    /// <param name="pixels">Row-major, <paramref name="width"/> × <paramref name="height"/> bytes, 0 black, 255 white.</param>
    public static void Write(Stream output, int width, int height, byte[] pixels)
    {
        if (width <= 0 || height <= 0 || pixels.Length != (long)width * height)
            throw new ArgumentException($"{pixels.Length} pixels for a {width}×{height} image.", nameof(pixels));
        output.Write(Signature);
        var header = new byte[13];
        BigEndian(header, 0, (uint)width);
        BigEndian(header, 4, (uint)height);
        header[8] = 8; // bit depth
        header[9] = 0; // grayscale; compression, filter and interlace methods 0
        Chunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var row = 0; row < height; row++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(pixels, row * width, width);
                }
            }
            Chunk(output, "IDAT", compressed.ToArray());
        }
        Chunk(output, "IEND", Array.Empty<byte>());
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BigEndian(length, 0, (uint)data.Length);
        output.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new byte[4];
        BigEndian(crc, 0, Crc32(Crc32(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu);
        output.Write(crc);
    }

    private static readonly uint[] Table = CrcTable();

    private static uint[] CrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>PNG's CRC-32 (ISO 3309) continued over <paramref name="data"/>, without the final inversion.</summary>
    private static uint Crc32(uint crc, byte[] data)
    {
        foreach (var b in data)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static void BigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
