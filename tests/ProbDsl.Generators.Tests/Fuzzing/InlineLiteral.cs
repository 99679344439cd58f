using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// A C# expression for a .pdsl text in an attribute argument. <see cref="Exact"/>: the generator can map every
/// character of the value back to the file (raw strings, plain and verbatim strings without escapes), so a
/// diagnostic must point at the very character. <see cref="Constant"/>: C# gives the generator the text at all.
/// <see cref="Declarations"/> holds what the expression refers to, for a class <c>Texts</c>.
/// </summary>
internal sealed record InlineLiteral(string Expression, string Value, bool Exact, bool Constant, string Declarations = "")
{
    public static InlineLiteral Any(string value, Random random) => random.Next(11) switch
    {
        0 or 1 or 2 => RawMultiLine(value, random),
        3 when !value.Contains('\n') && !value.Contains('\r') => RawSingleLine(value),
        4 => Escaped(value, random),
        5 => Verbatim(value),
        6 => Pieces(value, random, constant: true),
        7 => Pieces(value, random, constant: false),
        8 => Interpolated(value, random),
        9 => new InlineLiteral("Texts.Whole", value, Exact: false, Constant: true, $"public const string Whole = {Escaped(value, random).Expression};"),
        _ => Named(Escaped(value, random)),
    };

    /// <summary>Each line indented like the closing quotes (tabs, spaces or both); the value keeps its newlines.</summary>
    private static InlineLiteral RawMultiLine(string value, Random random)
    {
        var indentation = new[] { "", "    ", "\t", "  \t" }[random.Next(4)];
        var quotes = new string('"', Math.Max(3, LongestRun(value, '"') + 1));
        var lines = Regex.Split(value, "\r\n|\n").Select(l => l.Trim().Length == 0 ? l : indentation + l);
        return new InlineLiteral(quotes + "\n" + string.Join("\n", lines) + "\n" + indentation + quotes, value, Exact: true, Constant: true);
    }

    private static InlineLiteral RawSingleLine(string value)
    {
        var quotes = new string('"', Math.Max(3, LongestRun(value, '"') + 1));
        return new InlineLiteral(quotes + value + quotes, value, Exact: true, Constant: true);
    }

    /// <summary>A plain string: every character that needs it escaped, and now and then one that does not (\u0041).</summary>
    private static InlineLiteral Escaped(string value, Random random)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => random.Next(2) == 0 ? "\\t" : "\t",
                '\0' => "\\0",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c > 0x2000 => $"\\u{(int)c:X4}",
                _ when random.Next(500) == 0 => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        var expression = text.Append('"').ToString();
        return new InlineLiteral(expression, value, Exact: expression.Length == value.Length + 2, Constant: true);
    }

    private static InlineLiteral Verbatim(string value) =>
        new("@\"" + value.Replace("\"", "\"\"") + "\"", value, Exact: !value.Contains('"'), Constant: true);

    /// <summary>The text cut in two: <c>"..." + "..."</c>, or a constant plus a static readonly field (not constant).</summary>
    private static InlineLiteral Pieces(string value, Random random, bool constant)
    {
        var cut = random.Next(value.Length + 1);
        var first = Escaped(value.Substring(0, cut), random).Expression;
        var second = Escaped(value.Substring(cut), random).Expression;
        return constant
            ? new InlineLiteral($"{first} + {second}", value, Exact: false, Constant: true)
            : new InlineLiteral($"{first} + Texts.NotConstant", value, Exact: false, Constant: false, $"public static readonly string NotConstant = {second};");
    }

    /// <summary><c>$"{Texts.A}{Texts.B}"</c> of two constants (C# 10 constant interpolation).</summary>
    private static InlineLiteral Interpolated(string value, Random random)
    {
        var cut = random.Next(value.Length + 1);
        var declarations = $"public const string A = {Escaped(value.Substring(0, cut), random).Expression};\n"
            + $"public const string B = {Escaped(value.Substring(cut), random).Expression};";
        return new InlineLiteral("$\"{Texts.A}{Texts.B}\"", value, Exact: false, Constant: true, declarations);
    }

    /// <summary><c>[ProbModel(pdsl: "...")]</c>: exact exactly when the plain string is.</summary>
    private static InlineLiteral Named(InlineLiteral literal) => literal with { Expression = "pdsl: " + literal.Expression };

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
            longest = Math.Max(longest, run = ch == c ? run + 1 : 0);
        return longest;
    }
}
