using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Models;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Imaging;

/// <summary>
/// Kingma et al.'s (2014, Fig. 1) "z fixed" grid: <c>draws</c> standard-normal draws of the continuous latents from a
/// generator seeded with <c>seed</c> (so every model with the same latent sizes gets the same draws), each generated
/// with every class (<see cref="ISemiSupervisedModel.GenerateMean"/>), laid out one row per draw and one column per
/// class (<see cref="SampleGrid"/>). Used by <c>probdsl sample</c> and by the measures a run writes.
/// </summary>
internal static class ClassConditionalGrid
{
    /// <param name="latentSizes">The size of each of <see cref="ISemiSupervisedModel.ContinuousLatents"/>, in order.</param>
    /// <exception cref="System.NotSupportedException">The model cannot generate (from <see cref="ISemiSupervisedModel.GenerateMean"/>).</exception>
    public static (int Width, int Height, byte[] Pixels) Render(ISemiSupervisedModel model, IReadOnlyList<long> latentSizes, int draws, int seed)
    {
        var classes = model.ClassCount;
        float[] means;
        using (NewDisposeScope())
        using (no_grad())
        {
            using var generator = new Generator((ulong)seed, device: CPU);
            // Tile (r, c) at r·classes + c: labels 0..K-1 repeated per row, each row's noise repeated per class.
            var labels = arange(classes, dtype: int64).repeat(draws);
            var noise = latentSizes
                .Select(size => randn(new long[] { draws, size }, generator: generator).repeat_interleave(classes, dim: 0))
                .ToList();
            means = model.GenerateMean(labels, noise).to(float32).contiguous().data<float>().ToArray();
        }
        return SampleGrid.Render(means, draws, classes, model.DataSize);
    }

    /// <summary>The grid with each pixel repeated into a square of the smallest integer side that makes it at least <paramref name="minWidth"/> wide (for a report: 4×4 tiles are too small to see).</summary>
    public static (int Width, int Height, byte[] Pixels) Enlarged((int Width, int Height, byte[] Pixels) grid, int minWidth)
    {
        var factor = System.Math.Max(1, (minWidth + grid.Width - 1) / grid.Width);
        if (factor == 1)
            return grid;
        var (width, height) = (grid.Width * factor, grid.Height * factor);
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                pixels[y * width + x] = grid.Pixels[y / factor * grid.Width + x / factor];
        return (width, height, pixels);
    }

    public static void WritePng(string path, (int Width, int Height, byte[] Pixels) grid)
    {
        using var file = File.Create(path);
        PngWriter.Write(file, grid.Width, grid.Height, grid.Pixels);
    }
}
