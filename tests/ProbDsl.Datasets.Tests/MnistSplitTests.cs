using System;
using System.Linq;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

public class MnistSplitTests
{
    // Three images: all pixels 0, 127 and 255 except pixel 5 of image 2, which is 128.
    private static readonly MnistSplit Split = MakeSplit();

    private static MnistSplit MakeSplit()
    {
        var pixels = new byte[3 * 784];
        pixels.AsSpan(784, 784).Fill(127);
        pixels.AsSpan(2 * 784, 784).Fill(255);
        pixels[2 * 784 + 5] = 128;
        return new MnistSplit(pixels, new byte[] { 4, 1, 9 });
    }

    [Fact]
    public void Intensity_scales_bytes_to_the_unit_interval_in_index_order()
    {
        var features = Split.Features(new[] { 2, 0 }, PixelEncoding.Intensity);

        Assert.Equal(2 * 784, features.Length);
        Assert.Equal(1f, features[0]);
        Assert.Equal(128f / 255f, features[5]);
        Assert.All(features[784..], value => Assert.Equal(0f, value));
        Assert.Equal(127f / 255f, Split.Features(PixelEncoding.Intensity)[784]);
    }

    [Fact]
    public void Binarized_thresholds_at_one_half()
    {
        var features = Split.Features(PixelEncoding.Binarized);

        Assert.Equal(new[] { 0f, 0f, 1f }, new[] { features[5], features[784 + 5], features[2 * 784 + 5] });
        Assert.All(features, value => Assert.True(value is 0f or 1f));
    }

    [Fact]
    public void Mismatched_pixels_and_labels_and_bad_indices_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new MnistSplit(new byte[783], new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Split.Features(new[] { 3 }, PixelEncoding.Intensity));
        Assert.Throws<ArgumentOutOfRangeException>(() => Split.Features(new[] { -1 }, PixelEncoding.Intensity));
        Assert.Equal(3, Split.Count);
        Assert.Equal(new byte[] { 4, 1, 9 }, Split.Labels);
        Assert.True(Split.Pixels.Skip(784).Take(784).All(p => p == 127));
    }

    /// <summary>Under dynamic binarisation (see DynamicBinarizationTests in ProbDsl.Inference.Tests) the test set is fixed.</summary>
    [Fact]
    public void A_dynamically_binarised_run_is_tested_on_images_thresholded_at_one_half()
    {
        Assert.Equal(PixelEncoding.Binarized, MnistTensors.TestEncoding(PixelEncoding.Dynamic));
        Assert.Equal(PixelEncoding.Intensity, MnistTensors.TestEncoding(PixelEncoding.Intensity));
        Assert.Equal(PixelEncoding.Binarized, MnistTensors.TestEncoding(PixelEncoding.Binarized));
    }
}
