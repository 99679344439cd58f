using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ProbDsl.Datasets;

/// <summary>
/// Reads a numeric CSV file as a float64 array [rows, columns]: comma-separated numbers, one row per line, an
/// optional header line (skipped when any of its fields is not a number), blank lines ignored. Every row must have
/// the same number of columns; a field that is not a number is an error naming its line and column.
/// </summary>
public static class CsvReader
{
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A ragged row or a field that is not a number; the message says where.</exception>
    public static NpyArray Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file.", path);
        var values = new List<double>();
        int? columns = null;
        var rows = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
                continue;
            var fields = line.Split(',');
            if (rows == 0 && columns is null && !AllNumbers(fields))
            {
                columns = fields.Length; // a header: it fixes the column count but holds no values
                continue;
            }
            if (columns is int expected && fields.Length != expected)
                throw new InvalidDataException($"{path}({lineNumber}): {fields.Length} fields, but the file's first row has {expected}.");
            columns = fields.Length;
            for (var c = 0; c < fields.Length; c++)
            {
                if (!TryNumber(fields[c], out var value))
                    throw new InvalidDataException($"{path}({lineNumber},{c + 1}): '{fields[c].Trim()}' is not a number.");
                values.Add(value);
            }
            rows++;
        }
        var data = new byte[values.Count * sizeof(double)];
        for (var i = 0; i < values.Count; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i * sizeof(double)), values[i]);
        return new NpyArray(path, NpyDtype.Float64, new long[] { rows, columns ?? 0 }, data);
    }

    private static bool AllNumbers(string[] fields) => Array.TrueForAll(fields, f => TryNumber(f, out _));

    private static bool TryNumber(string field, out double value) =>
        double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
