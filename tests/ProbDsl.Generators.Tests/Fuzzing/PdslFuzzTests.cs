using System;
using ProbDsl.Generators.Tests.Fuzzing;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Random and mutated .pdsl text through the whole compiler as one function (the fastest path, so the most
/// inputs): no exception, no internal error, no hang, every error located.
/// </summary>
[Collection(FuzzCollection.Name)]
public class PdslFuzzTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public PdslFuzzTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public void Compiler_never_crashes_hangs_or_loses_a_position_on_random_and_mutated_text()
    {
        var report = FuzzRunner.Run("pdsl", FuzzSettings.FromEnvironment(defaultSeconds: 8), random =>
        {
            var text = PdslMutator.AnyMutation(random);
            return new FuzzCase(text, () => DslDiagnosticOracle.Check(ProbDslCodeGenerator.Generate(text, "fuzz.pdsl").Diagnostics, text));
        });

        FuzzAssert.Clean(report, _output);
    }
}
