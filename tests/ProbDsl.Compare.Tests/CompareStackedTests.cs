using System;
using System.IO;
using System.Linq;
using Xunit.Abstractions;

namespace ProbDsl.Compare.Tests;

/// <summary>
/// `compare … --stack LOWER`: every run trains LOWER first and the compared model on its code (M1+M2), and the
/// report shows the runs' results with the sample grid left out for a reason.
/// </summary>
public class CompareStackedTests : CompareFixture
{
    private readonly ITestOutputHelper _log;

    public CompareStackedTests(ITestOutputHelper log) => _log = log;

    [Fact]
    public void EveryRunTrainsTheLowerModelFirstAndTheComparedOneOnItsCode()
    {
        var model = Path.Combine(AppContext.BaseDirectory, "Models", "barsstack.pdsl");

        var (code, output, error) = Run(["compare", model, "--model", "OnCode", "--stack", "Code", "--stack-epochs", "3", "--seeds", "0,1",
            "--epochs", "1", "--jobs", "2", "--out", Out, .. Data()]);
        _log.WriteLine(output + error);

        Assert.True(code == 0, error);
        foreach (var run in new[] { "Structured-declared-seed0", "Structured-declared-seed1" })
        {
            var log = File.ReadAllText(Path.Combine(RunDirectory(run), "train.log"));
            Assert.Contains("stack epoch   3/3", log);
            Assert.Contains("as Code's code h ~ q(h | x) after 3 epochs", log);
            Assert.True(File.Exists(Path.Combine(RunDirectory(run), "stack", "model.bin")), run);
            Assert.Contains("\"finished\": true", File.ReadAllText(Path.Combine(RunDirectory(run), "run.json")));
        }
        var markdown = File.ReadAllText(Path.Combine(Out, "report.md"));
        Assert.Contains("| Structured / declared |", markdown);
        Assert.Contains("codes, not images", markdown);
    }
}
