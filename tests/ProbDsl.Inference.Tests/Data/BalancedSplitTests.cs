using System;
using System.Linq;
using ProbDsl.Inference.Data;

namespace ProbDsl.Inference.Tests.Data;

public class BalancedSplitTests
{
    private static readonly MnistDataset Synthetic = new(
        new MnistSplit(new byte[1000 * 784], Enumerable.Range(0, 1000).Select(i => (byte)(i * 7 % 10)).ToArray()),
        new MnistSplit(new byte[0], new byte[0]));

    [Fact]
    public void Labelled_subset_has_exactly_a_tenth_per_class_and_partitions_the_training_set()
    {
        var (labelled, unlabelled) = Synthetic.BalancedSplit(100, seed: 3);

        Assert.Equal(100, labelled.Length);
        Assert.All(Enumerable.Range(0, 10), digit => Assert.Equal(10, labelled.Count(i => Synthetic.Train.Labels[i] == digit)));
        Assert.Empty(labelled.Intersect(unlabelled));
        Assert.Equal(Enumerable.Range(0, 1000), labelled.Concat(unlabelled).OrderBy(i => i));
    }

    [Fact]
    public void Same_seed_same_subset_other_seed_other_subset()
    {
        Assert.Equal(Synthetic.BalancedSplit(50, 1).Labelled, Synthetic.BalancedSplit(50, 1).Labelled);
        Assert.NotEqual(Synthetic.BalancedSplit(50, 1).Labelled, Synthetic.BalancedSplit(50, 2).Labelled);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(2000)]
    public void Impossible_label_counts_are_rejected_with_the_option_name(int labels)
    {
        var error = Assert.Throws<ArgumentException>(() => Synthetic.BalancedSplit(labels, 0));

        Assert.Contains("labels", error.Message);
    }
}
