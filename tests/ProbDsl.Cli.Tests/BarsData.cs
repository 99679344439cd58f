using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ProbDsl.Cli.Tests;

/// <summary>
/// A small non-MNIST data set made here: 4×4 binary images in which one of the four rows (the class) is lit,
/// every pixel flipped with probability 0.1. Written as .npy (features float32 [N, 16], labels int64 [N]) and CSV.
/// </summary>
internal static class BarsData
{
    public const int Pixels = 16;
    public const int Classes = 4;

    public static (float[] Images, long[] Labels) Sample(int count, int seed)
    {
        var random = new Random(seed);
        var images = new float[count * Pixels];
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = random.Next(Classes);
            for (var p = 0; p < Pixels; p++)
            {
                var lit = p / 4 == labels[i];
                images[i * Pixels + p] = lit ^ (random.NextDouble() < 0.1) ? 1f : 0f;
            }
        }
        return (images, labels);
    }

    /// <returns>The paths of the features and labels files.</returns>
    public static (string Images, string Labels) WriteNpy(string directory, int count, int seed)
    {
        var (images, labels) = Sample(count, seed);
        var x = Path.Combine(directory, "bars-x.npy");
        var y = Path.Combine(directory, "bars-y.npy");
        NpyFile.Float32(x, new long[] { count, Pixels }, images);
        NpyFile.Int64(y, new long[] { count }, labels);
        return (x, y);
    }

    public static string WriteCsv(string directory, int count, int seed)
    {
        var (images, _) = Sample(count, seed);
        var path = Path.Combine(directory, "bars-x.csv");
        var header = string.Join(",", Enumerable.Range(0, Pixels).Select(p => $"p{p}"));
        var rows = Enumerable.Range(0, count).Select(i =>
            string.Join(",", images.Skip(i * Pixels).Take(Pixels).Select(v => v.ToString(CultureInfo.InvariantCulture))));
        File.WriteAllLines(path, new[] { header }.Concat(rows));
        return path;
    }
}
