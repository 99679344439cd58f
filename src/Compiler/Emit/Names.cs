using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace ProbDsl.Generators.Emit;

/// <summary>How IR names become C# names.</summary>
internal static class Names
{
    /// <summary>
    /// foo_bar → FooBar. A name of underscores and digits alone ('_', '__', '_1') would become empty or start with a
    /// digit; it keeps its underscores behind a 'V' instead ('V_1'), which no other name renames to (underscores
    /// are otherwise dropped), so distinct names stay distinct.
    /// </summary>
    public static string Pascal(string name)
    {
        var pascal = string.Concat(name.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
        return pascal.Length == 0 || char.IsDigit(pascal[0]) ? "V" + name : pascal;
    }

    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        return pascal.Length == 0 ? name : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    /// <summary>A local or field name, escaped with @ when it is a C# keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>A C# string literal for any text (escapes quotes, backslashes and line breaks).</summary>
    public static string StringLiteral(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "").Replace("\n", "\\n") + "\"";

    public static string Literal(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture) + (value % 1 == 0 && !value.ToString("R", CultureInfo.InvariantCulture).Contains("E") ? ".0" : "");
}
