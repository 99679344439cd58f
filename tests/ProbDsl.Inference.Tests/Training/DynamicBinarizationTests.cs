using System;
using System.Linq;
using ProbDsl.Inference.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Tests.Training;

/// <summary>Dynamic binarisation: every batch is a fresh Bernoulli draw of the intensities; the test set is drawn once.</summary>
public class DynamicBinarizationTests
{
    // Image 0: pixel intensity 0.25 everywhere; image 1: 0 and 1 alternating (no randomness possible).
    private static DataSplit MakeSplit(bool dynamic)
    {
        var features = new float[2 * 784];
        features.AsSpan(0, 784).Fill(0.25f);
        for (var p = 0; p < 784; p++)
            features[784 + p] = p % 2;
        return new DataSplit(tensor(features, new long[] { 2, 784 }), tensor(new long[] { 3, 7 }), dynamic);
    }

    [Fact]
    public void Each_batch_is_a_fresh_binary_draw_whose_frequencies_match_the_intensities()
    {
        using var split = MakeSplit(dynamic: true);
        using var sampler = new Generator(5);
        using var first = split.Batch(tensor(new long[] { 0, 1 }), sampler, CPU);
        using var second = split.Batch(tensor(new long[] { 0, 1 }), sampler, CPU);

        Assert.True(first.eq(0).logical_or(first.eq(1)).all().ToBoolean(), "draws are exactly 0 or 1");
        Assert.False(Same(first[0], second[0]), "two uses of the same image draw different pixels");
        Assert.True(Same(first[1], split.Features[1]), "intensities 0 and 1 are drawn as themselves");
        // 784 draws at p = 0.25: the frequency is within 4 standard errors (sqrt(p(1-p)/n) = 0.0155) of 0.25.
        var frequency = first[0].mean().ToDouble();
        Assert.InRange(frequency, 0.25 - 4 * 0.0155, 0.25 + 4 * 0.0155);
    }

    [Fact]
    public void The_same_seed_draws_the_same_pixels()
    {
        using var split = MakeSplit(dynamic: true);
        using var a = new Generator(11);
        using var b = new Generator(11);

        Assert.True(Same(split.Batch(tensor(new long[] { 0 }), a, CPU), split.Batch(tensor(new long[] { 0 }), b, CPU)));
    }

    [Fact]
    public void Without_dynamic_binarisation_a_batch_is_the_stored_rows()
    {
        using var split = MakeSplit(dynamic: false);
        using var sampler = new Generator(5);

        Assert.True(Same(split.Batch(tensor(new long[] { 1, 0 }), sampler, CPU), split.Features.index_select(0, tensor(new long[] { 1, 0 }))));
    }

    private static bool Same(Tensor a, Tensor b) => a.eq(b).all().ToBoolean();
}
