using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ProbDsl.Datasets;

/// <summary>
/// Reads NumPy <c>.npy</c> files (format versions 1.0, 2.0 and 3.0): a magic string, a header that is a Python
/// dict literal (<c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (100, 784), }</c>), then the raw data.
/// Only what the data can be trusted as is accepted: little-endian <c>&lt;f4 &lt;f8 |u1 |b1 &lt;i4 &lt;i8</c> in C order.
/// Anything else (Fortran order, big-endian, strings, objects, structured records, a truncated file) throws
/// <see cref="InvalidDataException"/> naming the file and what to do, never a misread array.
/// See https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html.
/// </summary>
public static class NpyReader
{
    private static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not a readable .npy file; the message says why.</exception>
    public static NpyArray Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file.", path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <param name="source">Names the array in messages (a path, or an archive and its entry).</param>
    public static NpyArray Read(Stream stream, string source)
    {
        var header = ReadHeader(stream, source);
        var (dtype, fortranOrder, shape) = ParseHeader(header, source);
        if (fortranOrder)
            throw Invalid(source, "the array is stored in Fortran (column-major) order; save it in C order, e.g. np.save(path, np.ascontiguousarray(a))");
        var bytes = ByteCount(shape, dtype);
        if (bytes > Array.MaxLength)
            throw Invalid(source, $"the array holds {bytes:N0} bytes, more than one .NET array can; split it into smaller files");
        var data = new byte[bytes];
        var read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length)
            throw Invalid(source, $"the file is truncated: the header declares shape ({string.Join(", ", shape)}) of {dtype}, {bytes:N0} bytes of data, but only {read:N0} follow");
        if (stream.ReadByte() != -1)
            throw Invalid(source, $"there are bytes after the {bytes:N0} bytes of data the header declares; the file is not one .npy array");
        return new NpyArray(source, dtype, shape, data);
    }

    /// <summary>The data's size; a shape whose product overflows is as impossible as one too large for an array.</summary>
    private static long ByteCount(long[] shape, NpyDtype dtype)
    {
        try
        {
            return checked(shape.Aggregate(1L, (n, d) => n * d) * NpyArray.ItemSize(dtype));
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    private static string ReadHeader(Stream stream, string source)
    {
        var prefix = new byte[8];
        if (stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8 || !prefix.AsSpan(0, 6).SequenceEqual(Magic))
            throw Invalid(source, "not a NumPy .npy file (it does not start with \\x93NUMPY); write it with numpy.save");
        var major = prefix[6];
        if (major is < 1 or > 3)
            throw Invalid(source, $".npy format version {major}.{prefix[7]} is not one this reader knows (1.0, 2.0, 3.0)");
        var lengthBytes = new byte[major == 1 ? 2 : 4];
        lengthBytes[0] = (byte)stream.ReadByte();
        lengthBytes[1] = (byte)stream.ReadByte();
        if (major > 1 && stream.ReadAtLeast(lengthBytes.AsSpan(2), 2, throwOnEndOfStream: false) < 2)
            throw Invalid(source, "the file ends inside its header");
        var length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes) : (long)BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (length > 1 << 20)
            throw Invalid(source, $"a header of {length:N0} bytes is not a plausible .npy header");
        var header = new byte[length];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            throw Invalid(source, "the file ends inside its header");
        // Version 3.0 allows UTF-8 in the header (field names); 1.0 and 2.0 are Latin-1, a subset for what we accept.
        return (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(header);
    }

    private static readonly Regex Descr = new(@"'descr'\s*:\s*'([^']*)'", RegexOptions.CultureInvariant);
    private static readonly Regex Fortran = new(@"'fortran_order'\s*:\s*(True|False)", RegexOptions.CultureInvariant);
    private static readonly Regex ShapeTuple = new(@"'shape'\s*:\s*\(([^)]*)\)", RegexOptions.CultureInvariant);

    private static (NpyDtype, bool, long[]) ParseHeader(string header, string source)
    {
        var descr = Descr.Match(header);
        var fortran = Fortran.Match(header);
        var shape = ShapeTuple.Match(header);
        if (!descr.Success)
            throw Invalid(source, header.Contains("'descr'") ? "structured (record) arrays are not supported; save one plain numeric array per file" : $"the header has no 'descr' entry: {header.Trim()}");
        if (!fortran.Success || !shape.Success)
            throw Invalid(source, $"the header lacks 'fortran_order' or 'shape': {header.Trim()}");
        return (ParseDtype(descr.Groups[1].Value, source), fortran.Groups[1].Value == "True", ParseShape(shape.Groups[1].Value, source));
    }

    private static NpyDtype ParseDtype(string descr, string source) => descr switch
    {
        "<f4" => NpyDtype.Float32,
        "<f8" => NpyDtype.Float64,
        "|u1" or "<u1" => NpyDtype.UInt8,
        "|b1" => NpyDtype.Bool,
        "<i4" => NpyDtype.Int32,
        "<i8" => NpyDtype.Int64,
        _ when descr.StartsWith('>') => throw Invalid(source, $"dtype '{descr}' is big-endian; convert it, e.g. a.astype('<f4')"),
        _ => throw Invalid(source, $"dtype '{descr}' is not supported (use float32 '<f4', float64 '<f8', uint8 '|u1', bool '|b1', int32 '<i4' or int64 '<i8', e.g. a.astype(np.float32))"),
    };

    private static long[] ParseShape(string tuple, string source)
    {
        var parts = tuple.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var shape = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            // NumPy writes plain integers; an 'L' suffix comes from Python 2.
            var text = parts[i].TrimEnd('L');
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out shape[i]))
                throw Invalid(source, $"shape ({tuple}) is not a tuple of non-negative integers");
        }
        return shape;
    }

    private static InvalidDataException Invalid(string source, string problem) => new($"{source}: {problem}.");
}
