using System.IO;
using System.Linq;

namespace ProbDsl.Compare.Tests;

/// <summary>
/// Bad command lines end with exit code 2 and one message naming the option, before any run starts; a failed run
/// makes the comparison fail (exit code 3) with the end of its log.
/// </summary>
public class CompareExitCodeTests : CompareFixture
{
    private (int ExitCode, string Output, string Error) Compare(params string[] options) =>
        Run(new[] { "compare", Model, "--out", Out }.Concat(options).Concat(Data()));

    [Theory]
    [InlineData("--guides", "Structured,Nope", "--guides Structured,Nope: model Bars has no guide 'Nope'")]
    [InlineData("--seeds", "0,x", "--seeds 0,x: 'x' is not a seed")]
    [InlineData("--seeds", "1,1", "--seeds 1,1: '1' is listed twice")]
    [InlineData("--infer", "y=enumerate,relax(hard", "--infer y=relax(hard:")]
    [InlineData("--infer", "w=enumerate", "--infer w=")]
    [InlineData("--jobs", "0", "--jobs must be positive")]
    [InlineData("--epochs", "-1", "--epochs must be positive")]
    [InlineData("--test-limit", "0", "--test-limit must be positive")] // a train option, validated as train validates it
    [InlineData("--labelled-schedule", "sometimes", "sometimes")]
    public void BadOptionsExitWithTwoNamingTheOption(string option, string value, string message)
    {
        var (code, _, error) = Compare(option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(Path.Combine(Out, "runs")), "no run may start on a bad command line");
    }

    [Fact]
    public void ADirectoryOfAComparisonWithOtherSettingsIsRefused()
    {
        // What an earlier comparison with 5 epochs of another version of the model file left in the directory.
        var earlier = Path.Combine(Root, "earlier.pdsl");
        File.WriteAllText(earlier, File.ReadAllText(Model) + "\n// edited\n");
        var settings = new Cli.Compare.CompareSettings(earlier, Out, [new Cli.Compare.Variant("MeanField", null)], [0], 5, 40, ["--batch-size", "100"], 1, 1);
        Directory.CreateDirectory(Out);
        Cli.Compare.ComparisonManifest.Of(settings).Write(Out);

        var (code, _, error) = Compare("--epochs", "1");

        Assert.Equal(2, code);
        Assert.Contains($"--out {Out}: holds a comparison with other settings (model file {earlier} with SHA-256", error);
        Assert.Contains("--epochs 5 there, 1 here", error);
        Assert.False(Directory.Exists(Path.Combine(Out, "runs")));
    }

    [Fact]
    public void MissingOutIsAUsageError()
    {
        var (code, _, error) = Run(new[] { "compare", Model }.Concat(Data()));

        Assert.Equal(2, code);
        Assert.Contains("--out", error);
    }

    [Fact]
    public void AMissingModelFileIsNamed()
    {
        var (code, _, error) = Run(new[] { "compare", Path.Combine(Root, "none.pdsl"), "--out", Out }.Concat(Data()));

        Assert.Equal(2, code);
        Assert.Contains("none.pdsl: no such file", error);
    }

    [Fact]
    public void ReportOfADirectoryWithoutAComparisonIsAUsageError()
    {
        var (code, _, error) = Run(["report", Root]);

        Assert.Equal(2, code);
        Assert.Contains("compare.json", error);
    }

    [Fact]
    public void AFailedRunFailsTheComparisonAndShowsTheEndOfItsLog()
    {
        // Pixels of 0..255 where the model declares Bernoulli[16]: the run itself refuses the data (exit code 2).
        var pixels = Path.Combine(Root, "pixels.npy");
        Cli.Tests.NpyFile.Float32(pixels, [100, 16], Enumerable.Repeat(255f, 1600).ToArray());
        var labels = Path.Combine(Root, "labels.npy");
        Cli.Tests.NpyFile.Int64(labels, [100], Enumerable.Repeat(1L, 100).ToArray());

        var (code, output, error) = Run(["compare", Model, "--guides", "MeanField", "--out", Out, "--data", $"x={pixels}", "--label", $"y={labels}", "--labels", "8"]);

        Assert.Equal(3, code);
        Assert.Contains("error: run MeanField-declared-seed0 failed (exit code 2)", error);
        Assert.Contains("values outside [0, 1]", error); // the run's own message, from the end of its log
        Assert.True(File.Exists(Path.Combine(Out, "report.md")), output); // the report of what there is
    }
}
