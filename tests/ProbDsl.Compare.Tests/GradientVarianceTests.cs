using System.IO;
using System.Linq;
using System.Text.Json;
using ProbDsl.Inference.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ProbDsl.Compare.Tests;

/// <summary>The gradient-variance measurement: its arithmetic, and that a run measured trains exactly as one not measured.</summary>
public class GradientVarianceTests : CompareFixture
{
    /// <summary>Loss m = a_m·w₁ + b_m·w₂: the gradients are (a_m, b_m), so the answer is their sample variances and mean.</summary>
    [Fact]
    public void IsTheSumOfPerParameterSampleVariances()
    {
        double[] a = [1, 2, 3, 6];
        double[] b = [-1, 1, -1, 1];
        using var w = new Parameter(zeros(2, dtype: float64));
        var (variance, meanNorm, count) = GradientVariance.Measure([w], a.Length, m => w[0] * a[m] + w[1] * b[m]);
        // var(a) = (4 + 1 + 0 + 9) / 3 with mean 3; var(b) = 4 / 3 with mean 0.
        Assert.Equal(14.0 / 3 + 4.0 / 3, variance, 1e-12);
        Assert.Equal(9.0, meanNorm, 1e-12);
        Assert.Equal(2, count);
        Assert.True(w.grad is null || w.grad.abs().sum().ToDouble() == 0, "the gradients are zeroed after");
    }

    [Fact]
    public void StepsAreNumbersOrTheEndOfTheFirstEpoch()
    {
        var steps = Cli.Training.GradientVarianceSteps.Parse("50, 500,epoch1-end", out var error);
        Assert.Null(error);
        Assert.Equal([50L, 500L], steps!.Steps.Order());
        Assert.True(steps.EndOfFirstEpoch);
        Assert.Null(Cli.Training.GradientVarianceSteps.Parse("50,0", out error));
        Assert.Equal("--gradient-variance-at: '0' is neither a positive step number nor epoch1-end.", error);

        var (code, _, stderr) = Run(["train", Model, "--data", $"x={Images}", "--label", $"y={Labels}", "--gradient-variance-at", "end"]);
        Assert.NotEqual(0, code);
        Assert.Contains("'end' is neither a positive step number nor epoch1-end", stderr);
    }

    [Theory]
    [InlineData("y=enumerate")]
    [InlineData("y=reinforce")]
    public void MeasuringLeavesTrainingUnchanged(string infer)
    {
        string[] train = ["train", Model, "--guide", "Structured", "--infer", infer, "--epochs", "2", "--seed", "3", "--labelled", "40",
            "--data", $"x={Images}", "--label", $"y={Labels}", "--batch-size", "100", "--learning-rate", "0.01"];
        var plain = Path.Combine(Root, "plain");
        var measured = Path.Combine(Root, "measured");
        var first = Run([.. train, "--out", plain]);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        var second = Run([.. train, "--out", measured, "--gradient-variance-at", "2,15,epoch1-end"]);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);

        // Every column but the clock's, to the last bit (the file writes round-trip precision).
        Assert.Equal(Untimed(plain), Untimed(measured));
        Assert.False(File.Exists(Path.Combine(plain, "gradient-variance.json")));
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(measured, "gradient-variance.json")));
        var rows = document.RootElement.GetProperty("measurements").EnumerateArray().ToList();
        // 1040 unlabelled rows in batches of 100: 10 steps per epoch, so the end of epoch 1 is step 10.
        Assert.Equal([2L, 10L, 15L], rows.Select(r => r.GetProperty("step").GetInt64()));
        Assert.True(rows[1].GetProperty("end_of_epoch").GetBoolean());
        Assert.All(rows, r => Assert.True(r.GetProperty("total_variance").GetDouble() > 0));
        Assert.All(rows, r => Assert.Equal(10, r.GetProperty("minibatches").GetInt32()));
    }

    private static string[] Untimed(string directory) =>
        File.ReadAllLines(Path.Combine(directory, "epochs.csv")).Select(line =>
        {
            var cells = line.Split(',');
            return string.Join(",", cells.Where((_, i) => i is not 4 and not 5)); // seconds, steps_per_second
        }).ToArray();
}
