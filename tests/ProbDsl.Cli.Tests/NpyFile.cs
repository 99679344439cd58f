using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text;

namespace ProbDsl.Cli.Tests;

/// <summary>
/// Writes .npy files byte by byte from the format's specification, independently of the reader under test
/// (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html), including malformed ones.
/// </summary>
internal static class NpyFile
{
    public static void Write(string path, string descr, long[] shape, byte[] data, bool fortranOrder = false, int major = 1)
    {
        var tuple = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var dict = $"{{'descr': '{descr}', 'fortran_order': {(fortranOrder ? "True" : "False")}, 'shape': {tuple}, }}";
        var prefixLength = major == 1 ? 10 : 12;
        // The header is padded with spaces and ends with '\n' so that the data start at a multiple of 64 bytes.
        var padding = 64 - (prefixLength + dict.Length + 1) % 64;
        var header = Encoding.Latin1.GetBytes(dict + new string(' ', padding % 64) + "\n");
        using var file = File.Create(path);
        file.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 });
        var length = new byte[major == 1 ? 2 : 4];
        if (major == 1)
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)header.Length);
        file.Write(length);
        file.Write(header);
        file.Write(data);
    }

    public static void Float32(string path, long[] shape, float[] values) =>
        Write(path, "<f4", shape, values.SelectMany(v => { var b = new byte[4]; BinaryPrimitives.WriteSingleLittleEndian(b, v); return b; }).ToArray());

    public static void Float64(string path, long[] shape, double[] values) =>
        Write(path, "<f8", shape, values.SelectMany(v => { var b = new byte[8]; BinaryPrimitives.WriteDoubleLittleEndian(b, v); return b; }).ToArray());

    public static void Int64(string path, long[] shape, long[] values) =>
        Write(path, "<i8", shape, values.SelectMany(v => { var b = new byte[8]; BinaryPrimitives.WriteInt64LittleEndian(b, v); return b; }).ToArray());

    public static void UInt8(string path, long[] shape, byte[] values) => Write(path, "|u1", shape, values);
}
