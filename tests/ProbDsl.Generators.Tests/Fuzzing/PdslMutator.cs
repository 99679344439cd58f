using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Random and mutated .pdsl text: character edits, token soup, shuffled lines of a real model, and consistent
/// renames to names that are hard on the C# side (keywords, names equal after renaming, non-ASCII letters).
/// </summary>
internal static class PdslMutator
{
    private static readonly string[] Tokens =
    {
        "model", "data", "label", "latent", "net", "mlp", "guide", "infer", "by", "enumerate", "relax", "reinforce",
        "objective", "semisupervised", "elbo", "p", "q", "x", "y", "z", "w", "Normal", "LogNormal", "Beta", "Bernoulli",
        "Categorical", "OneHotCategorical", "RelaxedOneHotCategorical", "uniform", "softplus", "exp", "relu", "tanh",
        "act", "alpha", "loc", "scale", "logits", "temperature", "tau", "rate", "every", "hard", "baseline", "learned",
        "{", "}", "(", ")", "[", "]", "|", ",", ":", "=", "->", ".", "0", "1", "10", "-1", "0.1", "1e-3", "784",
        "2147483648", "1e309", "100000001", "//", "/*", "*/", "\n", "\r\n", "\r", " ", "\t", "\"", "@", "é",
        "\u0663", "\u2028", "\u202E", "\u200B", "\0", "\uFEFF", "\uD835\uDC65", "\uD800",
    };

    /// <summary>Valid identifiers that stress the C# side: keywords, renaming collisions, case, Unicode, length.</summary>
    public static readonly string[] HardNames =
    {
        "Foo_bar", "FooBar", "foo", "FOO", "_", "__", "_1", "x_1", "x1", "class", "int", "value", "this", "var", "nameof",
        "é", "É", "ǅ", "İ", "ß", "Model", "Structured", "Trainer", "System", "ProbDsl", "torch", "nn", "Forward", "Dispose",
        "M2", "M2Structured", "x", "y", "z", "encoder", new string('a', 300),
    };

    public static string Mutate(string text, Random random)
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

    public static string RandomTokens(Random random) =>
        string.Join(random.Next(2) == 0 ? " " : "", Enumerable.Range(0, random.Next(1, 80)).Select(_ => Tokens[random.Next(Tokens.Length)]));

    /// <summary>Whole lines of a real model, shuffled, dropped and repeated: mostly valid syntax, broken meaning.</summary>
    public static string Splice(string text, Random random)
    {
        var lines = text.Split('\n');
        var body = lines.Skip(3).Take(lines.Length - 5).OrderBy(_ => random.Next()).Where(_ => random.Next(5) > 0).ToList();
        if (body.Count > 0)
            body.Add(body[random.Next(body.Count)]);
        return "model M {\n" + string.Join("\n", body) + "\n}\n";
    }

    /// <summary>Every occurrence of one identifier becomes a hard name: a still-valid model with a name C# may choke on.</summary>
    public static string Rename(string text, Random random)
    {
        var identifiers = Regex.Matches(text, @"\b[A-Za-z_][A-Za-z0-9_]*\b").Select(m => m.Value).Distinct().ToList();
        var old = identifiers[random.Next(identifiers.Count)];
        return Regex.Replace(text, $@"\b{old}\b", HardNames[random.Next(HardNames.Length)]);
    }

    /// <summary>Every model declared in the text takes one of <paramref name="names"/>.</summary>
    public static string RenameModels(string text, Random random, string[] names) =>
        Regex.Replace(text, @"\bmodel\s+\w+", _ => "model " + names[random.Next(names.Length)]);

    /// <summary>One of the mutations above, picked at random, on a corpus model.</summary>
    public static string AnyMutation(Random random) => random.Next(6) switch
    {
        0 => Mutate(Corpus.Any(random), random),
        1 => RandomTokens(random),
        2 => Splice(Corpus.Any(random), random),
        3 => Rename(Corpus.Any(random), random),
        // Two names may become one in C# (x_1 and x1), which one rename cannot reach.
        4 => Rename(Rename(Corpus.Any(random), random), random),
        _ => Mutate(Rename(Corpus.Any(random), random), random),
    };
}
