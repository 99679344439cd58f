using System.Collections.Generic;
using System.IO;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

/// <summary><c>--data-dir</c>: any spelling, strict structure, a warning (not an error) for bytes that are not MNIST's.</summary>
public class MnistDirectoryTests
{
    [Fact]
    public void Reads_canonical_dotted_and_gzip_spellings_alike()
    {
        using var plain = new TempDirectory();
        using var dotted = new TempDirectory();
        using var gzipped = new TempDirectory();
        IdxFiles.WriteAll(plain.Path, Synthetic.Files);
        IdxFiles.WriteAll(dotted.Path, Synthetic.Files, e => e.Name.Replace("-idx", ".idx"));
        IdxFiles.WriteAll(gzipped.Path, Synthetic.Files, gzip: true);

        var fromPlain = Mnist.Load(plain.Path);
        var fromDotted = Mnist.ReadDirectory(dotted.Path);
        var fromGzip = Mnist.ReadDirectory(gzipped.Path);

        Assert.Equal(60_000, fromPlain.Train.Count);
        Assert.Equal(10_000, fromPlain.Test.Count);
        Assert.Equal(new byte[] { 0, 1, 2, 3 }, fromPlain.Train.Labels[..4]);
        Assert.Equal(50, fromPlain.Train.Pixels[2 * 784 + 300]);
        Assert.Equal(fromPlain.Train.Pixels, fromDotted.Train.Pixels);
        Assert.Equal(fromPlain.Test.Labels, fromDotted.Test.Labels);
        Assert.Equal(fromPlain.Train.Labels, fromGzip.Train.Labels);
        Assert.Equal(fromPlain.Test.Pixels, fromGzip.Test.Pixels);
    }

    [Fact]
    public void Bytes_that_are_not_the_original_MNIST_are_accepted_with_a_warning_naming_the_file()
    {
        using var directory = new TempDirectory();
        IdxFiles.WriteAll(directory.Path, Synthetic.Files);
        var log = new List<string>();

        Mnist.ReadDirectory(directory.Path, log.Add);

        Assert.Equal(5, log.Count); // one warning per file, then the summary
        Assert.Contains(log, line => line.StartsWith("warning: ") && line.Contains(Path.Combine(directory.Path, "train-images-idx3-ubyte")) && line.Contains("not byte-identical"));
    }

    [Fact]
    public void Missing_file_names_the_file_and_what_to_do()
    {
        using var directory = new TempDirectory();
        IdxFiles.WriteAll(directory.Path, Synthetic.Files);
        File.Delete(directory.Combine(MnistFiles.TestLabels.Name));

        var error = Assert.Throws<MnistUnavailableException>(() => Mnist.Load(directory.Path));

        Assert.Contains("t10k-labels-idx1-ubyte not found", error.Message);
        Assert.Contains("t10k-labels.idx1-ubyte.gz", error.Message);
        Assert.Contains("--data-dir", error.Message);
    }

    [Fact]
    public void Missing_directory_is_reported_as_such()
    {
        var error = Assert.Throws<MnistUnavailableException>(() => Mnist.Load("/nonexistent/probdsl/mnist"));

        Assert.StartsWith("--data-dir /nonexistent/probdsl/mnist: no such directory.", error.Message);
    }

    [Fact]
    public void Truncated_file_is_an_error_naming_it()
    {
        using var directory = new TempDirectory();
        IdxFiles.WriteAll(directory.Path, Synthetic.Files);
        var path = directory.Combine(MnistFiles.TrainImages.Name);
        File.WriteAllBytes(path, Synthetic.Files[MnistFiles.TrainImages][..1_000_000]);

        var error = Assert.Throws<InvalidDataException>(() => Mnist.ReadDirectory(directory.Path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Swapped_files_are_rejected_by_their_shape()
    {
        using var directory = new TempDirectory();
        var swapped = new Dictionary<MnistFiles.Entry, byte[]>(Synthetic.Files)
        {
            [MnistFiles.TrainImages] = Synthetic.Files[MnistFiles.TestImages],
            [MnistFiles.TestImages] = Synthetic.Files[MnistFiles.TrainImages],
        };
        IdxFiles.WriteAll(directory.Path, swapped);

        var error = Assert.Throws<InvalidDataException>(() => Mnist.ReadDirectory(directory.Path));

        Assert.Contains("train-images-idx3-ubyte: dimension 0 has size 10000, expected 60000", error.Message);
    }

    [Fact]
    public void A_label_that_is_not_a_digit_is_rejected()
    {
        using var directory = new TempDirectory();
        IdxFiles.WriteAll(directory.Path, Synthetic.Files);
        var labels = (byte[])Synthetic.Files[MnistFiles.TestLabels].Clone();
        labels[8 + 17] = 10;
        File.WriteAllBytes(directory.Combine(MnistFiles.TestLabels.Name), labels);

        var error = Assert.Throws<InvalidDataException>(() => Mnist.ReadDirectory(directory.Path));

        Assert.Contains("t10k-labels-idx1-ubyte: label 17 is 10", error.Message);
    }
}
