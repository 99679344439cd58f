using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace ProbDsl.Generators.Tests;

/// <summary>
/// Random and mutated .pdsl inputs through the whole compiler: it must never crash (no exception, no internal
/// error PDSL0999) and never hang (each input bounded in time). Set PROBDSL_FUZZ_SECONDS for a longer run.
/// </summary>
public class FuzzTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public FuzzTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    private static readonly string[] Tokens =
    {
        "model", "data", "label", "latent", "net", "mlp", "guide", "infer", "by", "enumerate", "objective",
        "semisupervised", "elbo", "p", "q", "x", "y", "z", "w", "Normal", "Bernoulli", "Categorical", "uniform",
        "softplus", "exp", "relu", "act", "alpha", "loc", "scale", "logits", "{", "}", "(", ")", "[", "]", "|", ",",
        ":", "=", "->", ".", "0", "1", "10", "-1", "0.1", "1e-3", "784", "//", "/*", "*/", "\n", " ", "\"", "@", "é",
    };

    [Fact]
    public void Compiler_never_crashes_or_hangs_on_random_and_mutated_input()
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("PROBDSL_FUZZ_SECONDS"), out var s) ? s : 20;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var corpus = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "M2Mnist", "m2.pdsl"));
        var clock = Stopwatch.StartNew();
        var inputs = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var input = (inputs % 3) switch
            {
                0 => Mutate(corpus, random),
                1 => RandomTokens(random),
                _ => Splice(corpus, random),
            };
            AssertCompilesCleanly(input, seed, inputs);
            inputs++;
        }
        _output.WriteLine($"fuzz: {inputs} inputs in {clock.Elapsed.TotalSeconds:F0} s, seed {seed}, no crash or hang");
        Assert.True(inputs > 100, $"only {inputs} inputs ran");
    }

    private static void AssertCompilesCleanly(string input, int seed, int index)
    {
        var run = Task.Run(() => ProbDslCodeGenerator.Generate(input, "fuzz.pdsl"));
        Assert.True(run.Wait(TimeSpan.FromSeconds(10)), $"hang on input #{index} (seed {seed}):\n{input}");
        var internalErrors = run.Result.Diagnostics.Where(d => d.Id == "PDSL0999").ToList();
        Assert.True(internalErrors.Count == 0, $"internal error on input #{index} (seed {seed}): {internalErrors.FirstOrDefault()}\n{input}");
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(4))
            {
                case 0: builder.Remove(at, Math.Min(random.Next(1, 12), builder.Length - at)); break;
                case 1: builder.Insert(at, Tokens[random.Next(Tokens.Length)]); break;
                case 2: builder[at] = (char)random.Next(32, 127); break;
                default:
                    var from = random.Next(builder.Length);
                    var length = Math.Min(random.Next(1, 40), builder.Length - from);
                    builder.Insert(at, builder.ToString(from, length));
                    break;
            }
        }
        return builder.ToString();
    }

    private static string RandomTokens(Random random) =>
        string.Join(random.Next(2) == 0 ? " " : "", Enumerable.Range(0, random.Next(1, 80)).Select(_ => Tokens[random.Next(Tokens.Length)]));

    /// <summary>Whole lines of the real model, shuffled, dropped and repeated: mostly valid syntax, broken meaning.</summary>
    private static string Splice(string text, Random random)
    {
        var lines = text.Split('\n');
        var body = lines.Skip(3).Take(lines.Length - 5).OrderBy(_ => random.Next()).Where(_ => random.Next(5) > 0).ToList();
        if (body.Count > 0)
            body.Add(body[random.Next(body.Count)]);
        return "model M {\n" + string.Join("\n", body) + "\n}\n";
    }
}
