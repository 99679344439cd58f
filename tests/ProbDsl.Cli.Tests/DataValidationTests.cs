using System.IO;
using System.Linq;

namespace ProbDsl.Cli.Tests;

/// <summary>Data that do not fit the model: one line naming the option, the variable, the file and the mismatch; exit code 2.</summary>
public class DataValidationTests : TempDirectoryTest
{

    private (int Code, string Error) Train(params string[] data)
    {
        var (code, _, error) = Cli.Run(new[] { "train", Cli.Model("bars.pdsl"), "--threads", "1", "--out", Path.Combine(TempDirectory, "out") }.Concat(data).ToArray());
        return (code, error.TrimEnd());
    }

    [Fact]
    public void LabelOutsideTheClassesIsNamed()
    {
        var (x, _) = BarsData.WriteNpy(TempDirectory, 50, seed: 1);
        var y = Path.Combine(TempDirectory, "y.npy");
        NpyFile.Int64(y, new long[] { 50 }, System.Linq.Enumerable.Range(0, 50).Select(i => (long)(i % 5)).ToArray());

        var (code, error) = Train("--data", $"x={x}", "--label", $"y={y}", "--labelled", "10");

        Assert.Equal(2, code);
        Assert.Equal($"error: --label y={y}: y : Categorical[4] takes class indices 0..3; row 4 holds 4.", error);
    }

    [Fact]
    public void EightBitPixelsForBernoulliDataAreRefusedWithTheFix()
    {
        var x = Path.Combine(TempDirectory, "x.npy");
        NpyFile.UInt8(x, new long[] { 2, 4, 4 }, System.Linq.Enumerable.Repeat((byte)255, 32).ToArray());

        var (code, error) = Train("--data", $"x={x}");

        Assert.Equal(2, code);
        Assert.Equal($"error: --data x={x}: x : Bernoulli[16] — 32 values outside [0, 1]; first at row 0, column 0 (value 255); these look like 8-bit pixels 0..255: add --divide-by 255.", error);
    }

    [Fact]
    public void WrongShapeNamesTheExpectedOne()
    {
        var x = Path.Combine(TempDirectory, "x.npy");
        NpyFile.Float32(x, new long[] { 3, 15 }, new float[45]);

        var (code, error) = Train("--data", $"x={x}");

        Assert.Equal(2, code);
        Assert.Equal($"error: --data x={x}: shape (3, 15), but x : Bernoulli[16] needs 16 values per row: shape (N, 16) (or (N, …) with 16 values per row, flattened in C order).", error);
    }

    [Fact]
    public void AModelWithALabelNeedsTheLabelFile()
    {
        var (x, _) = BarsData.WriteNpy(TempDirectory, 50, seed: 1);

        var (code, error) = Train("--data", $"x={x}");

        Assert.Equal(2, code);
        Assert.Equal("error: model Bars declares label y : Categorical[4]: give its class indices with --label y=FILE (one per data row) and say how many rows keep them with --labelled N.", error);
    }

    [Fact]
    public void AVariableTheModelDoesNotDeclareIsNamed()
    {
        var (code, error) = Train("--data", "pixels=anything.npy");

        Assert.Equal(2, code);
        Assert.Equal("error: --data pixels=anything.npy: the model has no data variable 'pixels'; it declares data x : Bernoulli[16], so write --data x=anything.npy.", error);
    }

    [Fact]
    public void MnistMustFitTheModel()
    {
        var (code, error) = Train("--data", "mnist");

        Assert.Equal(2, code);
        Assert.Equal("error: --data mnist: MNIST images are Bernoulli[784] data, but the model declares data x : Bernoulli[16]; bind your own files with --data x=FILE.", error);
    }
}
