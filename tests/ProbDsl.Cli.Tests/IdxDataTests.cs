using System.IO;
using System.Linq;
using ProbDsl.Datasets;

namespace ProbDsl.Cli.Tests;

/// <summary>IDX files (MNIST's format, as Fashion-MNIST ships) bound to a model's variables; 8-bit pixels scaled with --divide-by.</summary>
public class IdxDataTests : TempDirectoryTest
{

    [Fact]
    public void IdxImagesKeepTheirShape()
    {
        var path = Path.Combine(TempDirectory, "t10k-images-idx3-ubyte.gz");
        IdxFile.Write(path, new[] { 2, 2, 3 }, new byte[] { 0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255 }, gzip: true);

        var array = IdxArray.Read(path);

        Assert.Equal(new long[] { 2, 2, 3 }, array.Shape);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255 }, array.ToSingles());
    }

    [Fact]
    public void EightBitIdxImagesTrainWithDivideBy255()
    {
        var (images, labels) = BarsData.Sample(300, seed: 4);
        var x = Path.Combine(TempDirectory, "train-images-idx3-ubyte");
        var y = Path.Combine(TempDirectory, "train-labels-idx1-ubyte");
        IdxFile.Write(x, new[] { 300, 4, 4 }, images.Select(v => (byte)(v * 255)).ToArray());
        IdxFile.Write(y, new[] { 300 }, labels.Select(v => (byte)v).ToArray());

        var (code, output, error) = Cli.Run("train", Cli.Model("bars.pdsl"), "--data", $"x={x}", "--label", $"y={y}", "--labelled", "20",
            "--divide-by", "255", "--epochs", "1", "--threads", "1", "--out", Path.Combine(TempDirectory, "out"));

        Assert.True(code == 0, error);
        Assert.Contains("20 labelled, 250 unlabelled, 30 test rows", output);
    }
}
