using System;
using System.Linq;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

public class BalancedSplitTests
{
    private static readonly MnistDataset Synthetic = new(
        new MnistSplit(new byte[1000 * 784], Enumerable.Range(0, 1000).Select(i => (byte)(i * 7 % 10)).ToArray()),
        new MnistSplit(new byte[0], new byte[0]));

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1000)] // everything
    public void Labelled_subset_has_exactly_a_tenth_per_class_and_partitions_the_training_set(int labels)
    {
        var (labelled, unlabelled) = Synthetic.BalancedSplit(labels, seed: 3);

        Assert.Equal(labels, labelled.Length);
        Assert.All(Enumerable.Range(0, 10), digit => Assert.Equal(labels / 10, labelled.Count(i => Synthetic.Train.Labels[i] == digit)));
        Assert.Empty(labelled.Intersect(unlabelled));
        Assert.Equal(Enumerable.Range(0, 1000), labelled.Concat(unlabelled).Order());
        Assert.Equal(labelled.Order(), labelled);
        Assert.Equal(unlabelled.Order(), unlabelled);
    }

    [Fact]
    public void Same_seed_same_subset_other_seed_other_subset()
    {
        Assert.Equal(Synthetic.BalancedSplit(50, 1).Labelled, Synthetic.BalancedSplit(50, 1).Labelled);
        Assert.NotEqual(Synthetic.BalancedSplit(50, 1).Labelled, Synthetic.BalancedSplit(50, 2).Labelled);
    }

    /// <summary>
    /// Pinned output: the draw must be the same on every platform and .NET version (it is our own SplitMix64,
    /// not System.Random), and must never change silently - published results name their subset by seed.
    /// </summary>
    [Fact]
    public void Draw_is_pinned_across_platforms_and_versions()
    {
        Assert.Equal(
            new[] { 6, 20, 100, 101, 107, 113, 154, 202, 209, 223, 229, 292, 337, 348, 369, 376, 384, 531, 536, 615, 642, 648, 661, 675, 777, 835, 870, 873, 938, 954 },
            Synthetic.BalancedSplit(30, seed: 0).Labelled);
        Assert.Equal(
            new[] { 0, 44, 79, 115, 121, 148, 173, 275, 357, 363, 464, 487, 491, 509, 536, 542, 564, 650, 680, 698, 715, 767, 843, 921, 936, 948, 956, 982, 992, 999 },
            Synthetic.BalancedSplit(30, seed: -5).Labelled);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(15)]
    [InlineData(1010)] // 101 per class, only 100 of each exist
    public void Impossible_label_counts_are_rejected_with_the_option_name(int labels)
    {
        var error = Assert.Throws<ArgumentException>(() => Synthetic.BalancedSplit(labels, 0));

        Assert.Contains("--labels", error.Message);
    }
}
