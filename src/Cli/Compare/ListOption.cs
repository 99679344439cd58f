using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>Comma-separated option values: <c>--guides A,B</c>, <c>--seeds 0,1,2</c>, <c>--infer y=enumerate,relax(tau: 1.0 -> 0.5, hard)</c>.</summary>
internal static class ListOption
{
    /// <summary>Splits at the commas outside parentheses, so a strategy's own arguments stay whole.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                items.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        items.Add(text[start..].Trim());
        return items;
    }

    public static IReadOnlyList<string> Names(string option, string text)
    {
        var names = Split(text);
        if (names.Any(n => n.Length == 0))
            throw new UserError($"{option} {text}: an empty name in the list; separate names with single commas.");
        return Distinct(option, text, names);
    }

    public static IReadOnlyList<int> Seeds(string option, string text)
    {
        var seeds = new List<int>();
        foreach (var item in Split(text))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                throw new UserError($"{option} {text}: '{item}' is not a seed; give non-negative whole numbers, e.g. {option} 0,1,2.");
            seeds.Add(seed);
        }
        return Distinct(option, text, seeds);
    }

    /// <summary><c>y=enumerate,relax(hard)</c>: the variable once, then its strategies; each returned as <c>y=STRATEGY</c>.</summary>
    public static IReadOnlyList<string> Strategies(string option, string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
            throw new UserError($"{option} {text}: expected NAME=STRATEGY[,STRATEGY...], e.g. {option} y=enumerate,relax(hard).");
        var variable = text[..equals].Trim();
        var strategies = Split(text[(equals + 1)..]);
        if (strategies.Any(s => s.Length == 0))
            throw new UserError($"{option} {text}: an empty strategy in the list.");
        return Distinct(option, text, strategies.Select(s => $"{variable}={s}").ToList());
    }

    private static IReadOnlyList<T> Distinct<T>(string option, string text, IReadOnlyList<T> items)
    {
        var repeated = items.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new UserError($"{option} {text}: '{repeated.Key}' is listed twice.");
        return items;
    }
}
