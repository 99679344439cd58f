using System.Linq;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Random and mutated .pdsl text inside [ProbModel(...)] in every C# string form (raw, verbatim, escaped,
/// interpolated, concatenated, constant or not): no crash, no internal error, no hang, the same diagnostics and
/// code as the text in a file, each diagnostic inside the argument (at the very character where the literal maps
/// exactly), and the generated code compiles.
/// </summary>
[Collection(FuzzCollection.Name)]
public class InlineFuzzTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public InlineFuzzTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public void Inline_text_compiles_like_the_file_in_every_string_form()
    {
        var code = new GeneratedCodeOracle();
        var report = FuzzRunner.Run("inline", FuzzSettings.FromEnvironment(defaultSeconds: 8), random =>
        {
            var text = random.Next(3) == 0 ? Corpus.Any(random) : PdslMutator.AnyMutation(random);
            // A file with Windows line endings: the literal's lines and the text's lines end differently.
            var newline = random.Next(4) == 0 ? "\r\n" : "\n";
            var literal = InlineLiteral.Any(text, random);
            var input = FuzzInput.OfCSharp(Source(literal, random).Replace("\n", newline));
            return new FuzzCase(input.Describe(), () =>
            {
                var build = FuzzDriver.Build(input);
                return GeneratorOracle.Check(input, build).Concat(InlineOracle.Check(literal, build)).Concat(code.Check(build)).ToList();
            });
        });

        FuzzAssert.Clean(report, _output, code.Summary);
    }

    private static string Source(InlineLiteral literal, System.Random random) =>
        CSharpTargets.WithAttribute(literal.Expression, random) + $"\npublic static class Texts\n{{\n{literal.Declarations}\n}}\n";
}
