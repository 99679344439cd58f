using System.Linq;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Random and mutated [ProbModel] fluent chains in C# through the real incremental generators: no crash, no
/// internal error, no hang, every error located in the C# file, and the generated code compiles.
/// </summary>
[Collection(FuzzCollection.Name)]
public class FluentFuzzTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public FluentFuzzTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public void Generator_never_crashes_on_random_and_mutated_fluent_chains()
    {
        var code = new GeneratedCodeOracle();
        var report = FuzzRunner.Run("fluent", FuzzSettings.FromEnvironment(defaultSeconds: 8), random =>
        {
            var input = FluentInputs.Next(random);
            return new FuzzCase(input.Describe(), () =>
            {
                var build = FuzzDriver.Build(input);
                return GeneratorOracle.Check(input, build).Concat(code.Check(build)).ToList();
            });
        });

        FuzzAssert.Clean(report, _output, code.Summary);
    }
}
