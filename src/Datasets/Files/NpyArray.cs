using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace ProbDsl.Datasets;

/// <summary>The element types <see cref="NpyReader"/> reads, by their NumPy <c>descr</c>.</summary>
public enum NpyDtype
{
    Float32,
    Float64,
    UInt8,
    Bool,
    Int32,
    Int64,
}

/// <summary>
/// A NumPy array as read from an <c>.npy</c> file: its shape (C order), element type and raw little-endian bytes.
/// Values are converted only when asked for, so a 47 MB uint8 image file is not first widened to doubles.
/// </summary>
public sealed class NpyArray
{
    private readonly byte[] _data;

    internal NpyArray(string source, NpyDtype dtype, long[] shape, byte[] data)
    {
        Source = source;
        Dtype = dtype;
        Shape = shape;
        _data = data;
    }

    /// <summary>Where it was read from (a path, or a path and an entry of an archive), for messages.</summary>
    public string Source { get; }

    public NpyDtype Dtype { get; }

    public IReadOnlyList<long> Shape { get; }

    public long Count => _data.Length / ItemSize(Dtype);

    public bool IsInteger => Dtype is NpyDtype.UInt8 or NpyDtype.Bool or NpyDtype.Int32 or NpyDtype.Int64;

    /// <summary>The element at flat (C-order) index <paramref name="i"/>, as a double.</summary>
    public double this[long i]
    {
        get
        {
            var at = _data.AsSpan((int)(i * ItemSize(Dtype)));
            return Dtype switch
            {
                NpyDtype.Float32 => BinaryPrimitives.ReadSingleLittleEndian(at),
                NpyDtype.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(at),
                NpyDtype.UInt8 or NpyDtype.Bool => at[0],
                NpyDtype.Int32 => BinaryPrimitives.ReadInt32LittleEndian(at),
                _ => BinaryPrimitives.ReadInt64LittleEndian(at),
            };
        }
    }

    /// <summary>Every element as float32, in C order (float64 and int64 values are rounded to the nearest float).</summary>
    public float[] ToSingles()
    {
        var values = new float[Count];
        for (long i = 0; i < values.Length; i++)
            values[i] = (float)this[i];
        return values;
    }

    public static int ItemSize(NpyDtype dtype) => dtype switch
    {
        NpyDtype.Float32 or NpyDtype.Int32 => 4,
        NpyDtype.Float64 or NpyDtype.Int64 => 8,
        _ => 1,
    };

    public override string ToString() => $"{Source}: {Dtype} [{string.Join(", ", Shape)}]";
}
