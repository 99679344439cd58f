using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit.Abstractions;

namespace ProbDsl.Cli.Tests;

/// <summary>
/// `probdsl train` on data no example uses, written by the test: noisy 4×4 bars (<see cref="BarsData"/>), as .npy,
/// .npz and CSV, with a semi-supervised model (bars.pdsl) and an unsupervised one (barsmixture.pdsl, objective elbo).
/// </summary>
public class TrainOnUserDataTests : TempDirectoryTest
{
    private readonly ITestOutputHelper _log;

    public TrainOnUserDataTests(ITestOutputHelper log) => _log = log;

    private EpochRow[] Epochs(string output)
    {
        var epochs = EpochRow.Read(output);
        foreach (var e in epochs)
            _log.WriteLine(e.ToString());
        return epochs;
    }

    [Fact]
    public void SemiSupervisedModelLearnsTheBarsFromNpyFiles()
    {
        var (x, y) = BarsData.WriteNpy(TempDirectory, count: 2000, seed: 1);
        var output = Path.Combine(TempDirectory, "out");

        var (code, stdout, error) = Cli.Run("train", Cli.Model("bars.pdsl"), "--data", $"x={x}", "--label", $"y={y}", "--labelled", "40",
            "--epochs", "5", "--batch-size", "100", "--learning-rate", "0.01", "--elbo-every", "1", "--threads", "1", "--out", output);

        Assert.True(code == 0, error);
        Assert.Contains("40 labelled, 1760 unlabelled, 200 test rows (seed 0)", stdout);
        var epochs = Epochs(output);
        Assert.Equal(5, epochs.Length);
        // Stated margins: the loss falls by at least a quarter, the test bound rises by at least 2 nats, and 40
        // labels are enough to tell four bars apart (error below 10%).
        Assert.True(epochs[^1].TrainLoss < 0.75 * epochs[0].TrainLoss, $"loss {epochs[0].TrainLoss} -> {epochs[^1].TrainLoss}");
        Assert.True(epochs[^1].TestElbo > epochs[0].TestElbo + 2, $"test ELBO {epochs[0].TestElbo} -> {epochs[^1].TestElbo}");
        Assert.True(epochs[^1].TestError < 0.10, $"test error {epochs[^1].TestError}");
        Assert.True(File.Exists(Path.Combine(output, "run.json")));
    }

    [Fact]
    public void UnsupervisedModelTrainsFromCsv()
    {
        var x = BarsData.WriteCsv(TempDirectory, count: 1000, seed: 2);
        var output = Path.Combine(TempDirectory, "out");

        var (code, stdout, error) = Cli.Run("train", Cli.Model("barsmixture.pdsl"), "--data", $"x={x}",
            "--epochs", "5", "--batch-size", "100", "--learning-rate", "0.01", "--threads", "1", "--out", output);

        Assert.True(code == 0, error);
        Assert.Contains("900 training, 100 test rows", stdout);
        var epochs = Epochs(output);
        Assert.All(epochs, e => Assert.Null(e.TestError));
        Assert.True(epochs[^1].TestElbo > epochs[0].TestElbo + 1, $"test ELBO {epochs[0].TestElbo} -> {epochs[^1].TestElbo}");
    }

    [Fact]
    public void NpzEntriesBindByVariableName()
    {
        var (x, y) = BarsData.WriteNpy(TempDirectory, count: 300, seed: 3);
        var archive = Path.Combine(TempDirectory, "bars.npz");
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(y, "y.npy");
            zip.CreateEntryFromFile(x, "x.npy");
        }

        var (code, stdout, error) = Cli.Run("train", Cli.Model("bars.pdsl"), "--data", $"x={archive}", "--label", $"y={archive}",
            "--labelled", "20", "--epochs", "1", "--threads", "1", "--out", Path.Combine(TempDirectory, "out"));

        Assert.True(code == 0, error);
        Assert.Contains("20 labelled, 250 unlabelled, 30 test rows", stdout);
    }
}
