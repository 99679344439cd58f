using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit.Abstractions;

namespace ProbDsl.Cli.Tests;

/// <summary>
/// `probdsl train --model UPPER --stack LOWER` (Kingma et al.'s M1+M2 for any file): LOWER is trained first on the
/// data without labels, UPPER on LOWER's code; a resumed run reuses LOWER; a LOWER that cannot give UPPER its data
/// is refused with the reason, before any training.
/// </summary>
public class StackTests : TempDirectoryTest
{
    private readonly ITestOutputHelper _log;

    public StackTests(ITestOutputHelper log) => _log = log;

    private (string X, string Y) Bars() => BarsData.WriteNpy(TempDirectory, count: 2000, seed: 4);

    private static string[] Train(string x, string y, string output, params string[] more) =>
        ["train", Cli.Model("barsstack.pdsl"), "--model", "OnCode", "--stack", "Code", "--data", $"x={x}", "--label", $"y={y}",
         "--labelled", "40", "--batch-size", "100", "--learning-rate", "0.01", "--elbo-every", "1", "--threads", "1", "--out", output, .. more];

    [Fact]
    public void The_upper_model_learns_the_bars_from_the_lower_models_code_and_a_resumed_run_reuses_the_lower()
    {
        var (x, y) = Bars();
        var output = Path.Combine(TempDirectory, "out");

        var (code, stdout, error) = Cli.Run(Train(x, y, output, "--stack-epochs", "40", "--epochs", "8"));

        _log.WriteLine(stdout);
        Assert.True(code == 0, error);
        Assert.Contains("stack: Code / Encoder first, on 1800 training rows without labels, 40 epochs", stdout);
        Assert.Contains("stack epoch  40/40", stdout);
        Assert.Contains("as Code's code h ~ q(h | x) after 40 epochs", stdout);
        Assert.True(File.Exists(Path.Combine(output, "stack", "model.bin")), "the lower model's checkpoint is in stack/");
        var epochs = EpochRow.Read(output);
        Assert.Equal(8, epochs.Length);
        // Four bars coded in three numbers by a VAE trained without labels: 40 labels tell them apart (error below
        // 15%, chance is 75%).
        Assert.True(epochs[^1].TestError < 0.15, $"test error {epochs[^1].TestError}");
        using (var measures = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "measures.json"))))
            Assert.Equal("the data are Code's codes, not images", measures.RootElement.GetProperty("not_available").GetProperty("samples").GetString());

        var (resumed, again, resumedError) = Cli.Run(Train(x, y, output, "--stack-epochs", "40", "--epochs", "9", "--resume", output));

        _log.WriteLine(again);
        Assert.True(resumed == 0, resumedError);
        Assert.DoesNotContain("stack epoch", again);
        Assert.Contains("Code has reached --stack-epochs 40; reusing its checkpoint", again);
        Assert.Equal(9, EpochRow.Read(output).Length);
    }

    [Theory]
    [InlineData("OnCode", "Nowhere", "--stack Nowhere: ", "declares no such model; it declares Code, OnCode, OnWiderCode, PositiveCode.")]
    [InlineData("OnCode", "OnCode", "--stack OnCode: a model cannot be stacked on itself", "")]
    [InlineData("OnWiderCode", "Code", "--stack Code: model OnWiderCode's data h : Normal[5] must be Normal[3] to take the code h of Code.", "")]
    [InlineData("OnCode", "OnWiderCode", "--stack OnWiderCode: it declares the label y", "")]
    [InlineData("OnCode", "PositiveCode", "--stack PositiveCode: its guide's q(g|x) must be a Normal of the data alone", "")]
    public void A_lower_model_that_cannot_give_the_upper_its_data_is_refused_with_the_reason(string upper, string lower, string message, string end)
    {
        var (x, y) = Bars();

        var (code, stdout, error) = Cli.Run("train", Cli.Model("barsstack.pdsl"), "--model", upper, "--stack", lower, "--data", $"x={x}",
            "--label", $"y={y}", "--epochs", "1", "--threads", "1", "--out", Path.Combine(TempDirectory, "out"));

        Assert.NotEqual(0, code);
        Assert.Contains(message, error);
        Assert.EndsWith(end, error.TrimEnd());
        Assert.DoesNotContain("epoch", stdout);
    }
}
