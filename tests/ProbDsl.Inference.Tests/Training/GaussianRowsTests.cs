using System;
using ProbDsl.Inference.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Tests.Training;

/// <summary>
/// <see cref="DataSplit.Gaussian"/>: rows stored as a Normal's loc and scale (an encoder's q(h|x), M1+M2's data)
/// are drawn afresh for every batch; evaluation reads the means.
/// </summary>
public class GaussianRowsTests
{
    private const int Size = 4000;

    // Row 0: loc 1, scale 0.5 everywhere; row 1: loc -2, scale 0 (a point mass, drawn as itself).
    private static DataSplit MakeSplit()
    {
        var loc = cat(new[] { full(1, Size, 1f), full(1, Size, -2f) }, 0);
        var scale = cat(new[] { full(1, Size, 0.5f), zeros(1, Size) }, 0);
        return DataSplit.Gaussian(loc, scale, tensor(new long[] { 4, 9 }));
    }

    [Fact]
    public void A_batch_is_a_fresh_draw_whose_mean_and_spread_match_loc_and_scale()
    {
        using var split = MakeSplit();
        using var sampler = new Generator(3);
        using var first = split.Batch(tensor(new long[] { 0, 1 }), sampler, CPU);
        using var second = split.Batch(tensor(new long[] { 0, 1 }), sampler, CPU);

        // 4000 draws of Normal(1, 0.5): the sample mean is within 4 standard errors (0.5 / sqrt(4000) = 0.0079)
        // of 1; the sample sd within 4 standard errors (0.5 / sqrt(2 * 4000) = 0.0056) of 0.5.
        Assert.InRange(first[0].mean().ToDouble(), 1 - 4 * 0.0079, 1 + 4 * 0.0079);
        Assert.InRange(first[0].std().ToDouble(), 0.5 - 4 * 0.0056, 0.5 + 4 * 0.0056);
        Assert.False(first[0].eq(second[0]).all().ToBoolean(), "two uses of the same row draw different values");
        Assert.True(first[1].eq(-2f).all().ToBoolean(), "a zero scale draws the loc itself");
    }

    [Fact]
    public void Features_are_the_means_and_labels_are_kept()
    {
        using var split = MakeSplit();

        Assert.Equal(1f, split.Features[0, 0].ToSingle());
        Assert.Equal(new long[] { 4, 9 }, split.RequireLabels().data<long>().ToArray());
        Assert.Equal(2, split.Count);
    }

    [Fact]
    public void The_same_seed_draws_the_same_rows()
    {
        using var split = MakeSplit();
        using var a = new Generator(11);
        using var b = new Generator(11);

        Assert.True(split.Batch(tensor(new long[] { 0 }), a, CPU).eq(split.Batch(tensor(new long[] { 0 }), b, CPU)).all().ToBoolean());
    }

    [Fact]
    public void Scales_of_another_shape_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DataSplit.Gaussian(zeros(3, 2), zeros(3, 5), null));

        Assert.Contains("[3, 5]", error.Message);
    }
}
