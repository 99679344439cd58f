using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Mutates a fluent chain (one string per call): whole declarations dropped, repeated, reordered or made up, and
/// single arguments replaced by others of the same type, from <see cref="FluentArguments"/>.
/// </summary>
internal static class FluentMutator
{
    private static readonly string[] Templates =
    {
        ".Data({s}, {f}, {i})", ".Label({s}, {f}, {i})", ".Latent({s}, {f}, {i})",
        ".Net({s}, Mlp.From({s}).Hidden({i}).To({s}))", ".Net({s}, Mlp.From({s}, {s}).To({s}, {t}).Act({a}))",
        ".Net({s}, Mlp.From({arr}).Hidden({i}, {i}).To({s}))", ".Net({s}, Mlp.From().To({s}))",
        ".P({s}, Dist.Normal({d}, {d}))", ".P({s}, given: {arr}, Dist.Bernoulli(logits: Net.Call({s}, {s})))",
        ".P({s}, Dist.Of({f}, Arg.Positional({d}), Arg.Named({s}, Value.Uniform())))", ".P({s}, Dist.UniformCategorical())",
        ".P({s}, {arr}, Dist.Categorical(Net.Call({s}, {arr})))",
        ".Guide({s}, Guide.Q({s}, {arr}, Dist.Normal(Net.Call({s}, {s}))))", ".Guide({s}, Guide.Q({s}, Dist.Of({f})))",
        ".Enumerate({s})", ".Relax({s}, tau0: {d}, tauMin: {d}, rate: {d}, every: {i}, hard: {bool})", ".Relax({s})",
        ".Reinforce({s}, {b}, decay: {d})", ".Reinforce({s}, decay: {d})", ".SemiSupervised(alpha: {d})", ".SemiSupervised()",
        ".Elbo()", ".Build()", ".Compile()", ".Compile({s})", ".ToString()", ".GetHashCode()", ".Helper()",
    };

    public static List<string> Mutate(List<string> calls, Random random)
    {
        var mutated = new List<string>(calls);
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits; i++)
            MutateOnce(mutated, random);
        return mutated;
    }

    private static void MutateOnce(List<string> calls, Random random)
    {
        var at = calls.Count <= 1 ? 0 : random.Next(1, calls.Count);
        switch (random.Next(12))
        {
            case 0 when calls.Count > 1: calls.RemoveAt(at); break;
            case 1: calls.Insert(at, calls[at]); break;
            case 2 when calls.Count > 2: (calls[at], calls[1]) = (calls[1], calls[at]); break;
            case 3: calls.Insert(random.Next(1, calls.Count + 1), RandomCall(random)); break;
            case 4 when random.Next(100) == 0: calls.InsertRange(at, Enumerable.Repeat(calls[at], random.Next(100, 1000))); break;
            case 5: calls[at] = Replace(calls[at], "\"(?:[^\"\\\\]|\\\\.)*\"", FluentArguments.Strings, random); break;
            case 6: calls[at] = Replace(calls[at], @"(?<![\w.""])-?\d+(\.\d+)?([eE][-+]?\d+)?(?![\w""])", random.Next(2) == 0 ? FluentArguments.Ints : FluentArguments.Doubles, random); break;
            case 7: calls[at] = Replace(calls[at], @"DistributionFamily\.\w+", FluentArguments.Families, random); break;
            case 8: calls[at] = Replace(calls[at], @"HeadTransform\.\w+|Activation\.\w+|BaselineKind\.\w+", FluentArguments.Transforms.Concat(FluentArguments.Activations).Concat(FluentArguments.Baselines).ToArray(), random); break;
            case 9: calls[at] = Replace(calls[at], @"\[[^\[\]]*\]|new(\s*string)?\[\]\s*\{[^}]*\}", FluentArguments.StringArrays, random); break;
            case 10: calls[at] = Replace(calls[at], @"\b(true|false)\b", FluentArguments.Bools, random); break;
            default: calls[0] = Replace(calls[0], "\"(?:[^\"\\\\]|\\\\.)*\"", PdslMutator.HardNames.Select(FluentChainWriter.Str).ToArray(), random); break;
        }
    }

    /// <summary>A made-up call: any API method (or a non-API one) with arguments drawn from the pools.</summary>
    public static string RandomCall(Random random) =>
        Regex.Replace(Templates[random.Next(Templates.Length)], @"\{(\w+)\}", hole => hole.Groups[1].Value switch
        {
            "s" => FluentArguments.Like(FluentArguments.Strings, random),
            "i" => FluentArguments.Like(FluentArguments.Ints, random),
            "d" => FluentArguments.Like(FluentArguments.Doubles, random),
            "f" => FluentArguments.Like(FluentArguments.Families, random),
            "t" => FluentArguments.Like(FluentArguments.Transforms, random),
            "a" => FluentArguments.Like(FluentArguments.Activations, random),
            "b" => FluentArguments.Like(FluentArguments.Baselines, random),
            "arr" => FluentArguments.Like(FluentArguments.StringArrays, random),
            _ => FluentArguments.Like(FluentArguments.Bools, random),
        });

    /// <summary>One match of the pattern in the call, chosen at random, replaced by an expression from the pool.</summary>
    private static string Replace(string call, string pattern, string[] pool, Random random)
    {
        var matches = Regex.Matches(call, pattern);
        if (matches.Count == 0)
            return call;
        var match = matches[random.Next(matches.Count)];
        return call.Substring(0, match.Index) + FluentArguments.Like(pool, random) + call.Substring(match.Index + match.Length);
    }
}
