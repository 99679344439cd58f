using System;

namespace ProbDsl.Datasets;

/// <summary>
/// One split of MNIST: N images as bytes (N × 784, row-major, 0–255) and N labels (0–9). Pixels stay
/// bytes - a quarter of the memory of floats (47 MB rather than 188 MB for the training set), and
/// binarisation needs the raw values - and become <c>float</c>s only on request (<see cref="Features(PixelEncoding)"/>).
/// No TorchSharp here; tensors are made in <see cref="MnistTensors"/>.
/// </summary>
public sealed class MnistSplit
{
    public const int ImageSize = MnistFiles.ImageSide * MnistFiles.ImageSide;

    public MnistSplit(byte[] pixels, byte[] labels)
    {
        if (pixels.Length != (long)labels.Length * ImageSize)
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * (long)ImageSize} pixel bytes, got {pixels.Length}.");
        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>N × 784 bytes, image after image, each row by row.</summary>
    public byte[] Pixels { get; }

    /// <summary>The digit (0–9) of each image.</summary>
    public byte[] Labels { get; }

    public int Count => Labels.Length;

    /// <summary>Every image as floats (N × 784), encoded as asked.</summary>
    public float[] Features(PixelEncoding encoding)
    {
        var all = new int[Count];
        for (var i = 0; i < all.Length; i++)
            all[i] = i;
        return Features(all, encoding);
    }

    /// <summary>The images at <paramref name="indices"/>, in that order, as floats (indices.Length × 784).</summary>
    public float[] Features(ReadOnlySpan<int> indices, PixelEncoding encoding)
    {
        var features = new float[indices.Length * ImageSize];
        for (var row = 0; row < indices.Length; row++)
        {
            var index = indices[row];
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), $"index {index} is outside this split of {Count} images.");
            var source = Pixels.AsSpan(index * ImageSize, ImageSize);
            var target = features.AsSpan(row * ImageSize, ImageSize);
            for (var p = 0; p < ImageSize; p++)
                target[p] = encoding == PixelEncoding.Binarized ? (source[p] >= 128 ? 1f : 0f) : source[p] / 255f;
        }
        return features;
    }
}
