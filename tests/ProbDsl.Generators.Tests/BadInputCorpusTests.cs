using System;
using System.IO;
using System.Linq;

namespace ProbDsl.Generators.Tests;

/// <summary>
/// Every file in Bad/ is a model with one mistake; compiling it must give exactly the diagnostics in its
/// .expected file (ID, file, line, column, message), and at least one error. Set PROBDSL_UPDATE_SNAPSHOTS=1 to
/// rewrite the .expected files after an intended change, then review the diff.
/// </summary>
public class BadInputCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Bad"), "*.pdsl").OrderBy(f => f))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Bad_input_gives_the_expected_located_diagnostics(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bad", file));

        var (sources, diagnostics) = ProbDslCodeGenerator.Generate(text, file);

        Assert.Contains(diagnostics, d => d.IsError);
        Assert.Empty(sources);
        Assert.DoesNotContain(diagnostics, d => d.Id == "PDSL0999");
        var rendered = string.Join("\n", diagnostics.Select(d => d.ToString())) + "\n";
        var expectedName = Path.ChangeExtension(file, ".expected");
        if (Environment.GetEnvironmentVariable("PROBDSL_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Bad", expectedName), rendered);
            return;
        }
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bad", expectedName)), rendered);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
