using System.IO;
using System.Linq;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Each known finding is still open. When this fails, the bug is fixed: delete its entry in KnownFindings (and this
/// case), so that the fuzzer fails on it again.
/// </summary>
public class KnownFindingsTests
{
    [Fact]
    public void A_network_named_with_only_underscores_and_digits_still_generates_invalid_code()
    {
        var tiny = File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Models", "tiny.pdsl")).Replace("decoder", "_1");
        var run = GeneratorHarness.Run(("/m/tiny.pdsl", tiny));

        var error = GeneratorHarness.CompileGenerated(run).First();

        var finding = new Finding("generated code does not compile", $"{error.Id}: {error.GetMessage()}");
        Assert.Same(KnownFindings.NamesThatRenameToNothing, KnownFindings.Match(finding, tiny));
    }
}
