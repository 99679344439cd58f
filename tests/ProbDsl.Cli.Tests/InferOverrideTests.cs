using System.IO;
using System.Linq;

namespace ProbDsl.Cli.Tests;

/// <summary>`--infer y=…` trains with another estimator than the file declares, read by the language's own grammar.</summary>
public class InferOverrideTests : TempDirectoryTest
{

    [Fact]
    public void RelaxedLabelReportsItsTemperature()
    {
        var (x, y) = BarsData.WriteNpy(TempDirectory, count: 300, seed: 5);
        var output = Path.Combine(TempDirectory, "out");

        var (code, stdout, error) = Cli.Run("train", Cli.Model("bars.pdsl"), "--data", $"x={x}", "--label", $"y={y}", "--labelled", "20",
            "--infer", "y=relax(tau: 0.8 -> 0.5, hard)", "--epochs", "1", "--threads", "1", "--out", output);

        Assert.True(code == 0, error);
        Assert.Contains("τ 0.800", stdout);
        // The header of epochs.csv names the temperature column; the relaxed run fills it.
        var row = File.ReadAllLines(Path.Combine(output, "epochs.csv"))[1].Split(',');
        Assert.Equal("0.8", row[6]);
    }

    [Fact]
    public void AnInvalidStrategyIsReportedWithTheGrammarsMessage()
    {
        var (code, _, error) = Cli.Run("train", Cli.Model("bars.pdsl"), "--data", "x=unused.npy", "--infer", "y=relax(hrd)");

        Assert.Equal(2, code);
        Assert.Equal("error: --infer y=relax(hrd): 'infer y by relax(hrd)' is not a valid statement (Syntax error: unexpected 'hrd'; expected relax option (tau: a -> b, rate: r, every: n, hard)).", error.TrimEnd());
    }
}
