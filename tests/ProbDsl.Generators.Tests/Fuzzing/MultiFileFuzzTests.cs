using System.Linq;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Several .pdsl files (and now and then inline [ProbModel] text) through the real incremental generators at once:
/// no crash (a duplicate generated file name was CS8785), no internal error, no hang, errors located in the right
/// file, each file's diagnostics as when alone, and the generated code compiles.
/// </summary>
[Collection(FuzzCollection.Name)]
public class MultiFileFuzzTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public MultiFileFuzzTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public void Generator_never_crashes_and_each_file_compiles_as_alone_when_given_several_files()
    {
        var code = new GeneratedCodeOracle();
        var report = FuzzRunner.Run("multi-file", FuzzSettings.FromEnvironment(defaultSeconds: 8), random =>
        {
            var input = MultiFileInputs.Next(random);
            return new FuzzCase(input.Describe(), () =>
            {
                var build = FuzzDriver.Build(input);
                return GeneratorOracle.Check(input, build).Concat(MultiFileOracle.Check(input, build)).Concat(code.Check(build)).ToList();
            });
        });

        FuzzAssert.Clean(report, _output, code.Summary);
    }
}
