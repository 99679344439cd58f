using ProbDsl.Cli.Measures;

namespace ProbDsl.Compare.Tests;

/// <summary>k-NN accuracy (k = 5, even rows the reference, odd rows classified) on clusters and on noise.</summary>
public class KnnAccuracyTests
{
    [Fact]
    public void SeparableClustersAreClassifiedAlmostPerfectly()
    {
        var (z, y) = SyntheticLatents.Clusters(2000, classes: 10, dimensions: 10, separation: 12, seed: 5);
        Assert.InRange(KnnAccuracy.Of(z, y, classes: 10), 0.99, 1.0);
    }

    [Fact]
    public void RandomLabelsGiveChance()
    {
        var (z, y) = SyntheticLatents.Independent(4000, classes: 4, dimensions: 3, seed: 6);
        Assert.InRange(KnnAccuracy.Of(z, y, classes: 4), 0.20, 0.30);
    }

    [Fact]
    public void ClassifiesTheOddRowsByTheEvenRows()
    {
        // Even rows (reference): class 0 near 0, class 1 near 10. Odd rows: one near each; a third one near 10 labelled 0.
        var points = TorchSharp.torch.tensor(new double[] { 0, 0.1, 0.2, 10.1, 0.3, 10.2, 10, 9.9, 10.3, 0.4, 9.8, 0 }).view(12, 1);
        long[] classes = [0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1];
        var labels = TorchSharp.torch.tensor(classes);
        // Even: 0→0, 0.2→0, 0.3→0, 10→1, 10.3→1, 9.8→1. Odd: 0.1 (0 ✓), 10.1 (1 ✓), 10.2 (0 ✗), 9.9 (0 ✗), 0.4 (1 ✗), 0 (1 ✗).
        Assert.Equal(2.0 / 6, KnnAccuracy.Of(points, labels, classes: 2, k: 3), 1e-12);
    }
}
