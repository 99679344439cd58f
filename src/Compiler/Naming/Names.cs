using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Compiler.Naming;

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
    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>
    /// C#'s keywords and contextual keywords as Roslyn 4.8 lists them (SyntaxFacts.GetKeywordKind and
    /// GetContextualKeywordKind; a test compares the two), so this library needs no Roslyn.
    /// </summary>
    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params",
        "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof",
        "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong",
        "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "__arglist", "__makeref", "__reftype", "__refvalue",
        // contextual
        "yield", "partial", "alias", "global", "assembly", "module", "type", "field", "method", "param", "property",
        "typevar", "from", "where", "select", "group", "into", "orderby", "join", "let", "on", "equals", "by",
        "ascending", "descending", "get", "set", "add", "remove", "nameof", "async", "await", "when", "and",
        "or", "not", "with", "init", "record", "managed", "unmanaged", "required", "scoped", "file",
    };

    /// <summary>Every word <see cref="Identifier"/> escapes (for the test that compares it with Roslyn's lists).</summary>
    internal static IReadOnlyCollection<string> EscapedWords => Keywords;

    /// <summary>A C# string literal for any text (escapes quotes, backslashes and line breaks).</summary>
    public static string StringLiteral(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "").Replace("\n", "\\n") + "\"";

    public static string Literal(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture) + (value % 1 == 0 && !value.ToString("R", CultureInfo.InvariantCulture).Contains("E") ? ".0" : "");
}
