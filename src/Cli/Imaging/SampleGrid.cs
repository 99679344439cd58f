using System;

namespace ProbDsl.Cli.Imaging;

/// <summary>
/// Lays out generated means as a grid of square tiles (Kingma et al. 2014, Fig. 1): one row per draw of the
/// continuous latents, one column per class, a 1-pixel grey line between tiles. Data of a square size (784 = 28²)
/// fill their tile; other sizes fill the smallest square tile row by row, the rest left black. Values in [0, 1]
/// (probabilities, Beta means) are drawn as they are; otherwise the grid is scaled from its minimum to its maximum.
/// </summary>
internal static class SampleGrid
{
    public const byte Separator = 96;

    /// <summary>The side of a tile for data of <paramref name="size"/> values.</summary>
    public static int TileSide(int size) => (int)Math.Ceiling(Math.Sqrt(size) - 1e-9);

    /// <param name="means">[rows × columns] tiles of <paramref name="size"/> values, row-major: tile (r, c) at r·columns + c.</param>
    public static (int Width, int Height, byte[] Pixels) Render(float[] means, int rows, int columns, int size)
    {
        var side = TileSide(size);
        var width = columns * side + (columns - 1);
        var height = rows * side + (rows - 1);
        var pixels = new byte[width * height];
        Array.Fill(pixels, Separator);
        var (low, high) = Range(means);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var tile = (r * columns + c) * size;
                for (var i = 0; i < side * side; i++)
                {
                    var value = i < size ? (means[tile + i] - low) / (high - low) : 0;
                    var x = c * (side + 1) + i % side;
                    var y = r * (side + 1) + i / side;
                    pixels[y * width + x] = (byte)Math.Round(255 * Math.Clamp(float.IsFinite(value) ? value : 0, 0, 1));
                }
            }
        }
        return (width, height, pixels);
    }

    /// <summary>[0, 1] when every value lies in it; else the values' own range (a constant grid maps to black).</summary>
    private static (float Low, float High) Range(float[] values)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
                continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min >= 0 && max <= 1 || !float.IsFinite(min))
            return (0, 1);
        return max > min ? (min, max) : (min, min + 1);
    }
}
