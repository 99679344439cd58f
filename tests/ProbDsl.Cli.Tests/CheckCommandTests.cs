namespace ProbDsl.Cli.Tests;

public class CheckCommandTests
{
    [Fact]
    public void BrokenFileIsReportedAtItsLineAndColumnWithExitCode1()
    {
        var file = Cli.Model("broken.pdsl");

        var (code, output, _) = Cli.Run("check", file);

        Assert.Equal(1, code);
        // As the build prints it: the '}' on line 4 where ']' was expected.
        Assert.StartsWith($"{file}(4,1): error PDSL0001: Syntax error: unexpected '}}'; expected ']'", output);
    }

    [Fact]
    public void ValidFilePrintsItsNotesAndExits0()
    {
        var file = Cli.Model("m2.pdsl");

        var (code, output, error) = Cli.Run("check", file);

        Assert.Equal(0, code);
        Assert.StartsWith($"{file}(24,9): info PDSL0307: Guide 'MeanField' assumes y ⟂ z | x", output);
        Assert.Contains("no errors; models: M2 (Structured, MeanField)", error);
    }

    [Fact]
    public void MissingFileIsAUsageErrorNamingIt()
    {
        var (code, _, error) = Cli.Run("check", "no-such-model.pdsl");

        Assert.Equal(2, code);
        Assert.Equal("error: no-such-model.pdsl: no such file." + System.Environment.NewLine, error);
    }

    [Fact]
    public void ExplainPrintsTheCompilersExplanationOfTheGuide()
    {
        var (code, output, _) = Cli.Run("explain", Cli.Model("m2.pdsl"), "--guide", "MeanField");

        Assert.Equal(0, code);
        Assert.StartsWith("model M2, guide MeanField\n", output);
        Assert.Contains("assumes:    y ⟂ z | x  (does NOT hold in the model's posterior)", output);
        Assert.Contains("faithful:   no — a faithful factorisation is q(z|x,y) q(y|x)", output);
    }

    [Fact]
    public void UnknownGuideListsTheGuides()
    {
        var (code, _, error) = Cli.Run("explain", Cli.Model("m2.pdsl"), "--guide", "Nope");

        Assert.Equal(2, code);
        Assert.Contains("--guide Nope: model M2 has no such guide; its guides are Structured, MeanField.", error);
    }

    [Fact]
    public void TrainOnABrokenFilePrintsItsDiagnosticsAndExits1()
    {
        var file = Cli.Model("broken.pdsl");

        var (code, output, _) = Cli.Run("train", file, "--data", "x=unused.npy");

        Assert.Equal(1, code);
        Assert.StartsWith($"{file}(4,1): error PDSL0001:", output);
    }
}
