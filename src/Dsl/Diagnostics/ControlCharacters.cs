using System.Globalization;
using System.Text;

namespace ProbDsl.Dsl.Diagnostics;

/// <summary>
/// Escapes characters that a terminal or an IDE would act on instead of showing: NUL and the other control
/// characters, and invisible format characters such as the bidirectional overrides. A diagnostic that echoes a
/// hostile file must show what is there (<c>\u202E</c>), never reorder or cut the line it is printed on.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The bidirectional embedding, override and isolate controls of the "trojan source" attack.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static bool NeedsEscape(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>The text with every such character written as <c>\uXXXX</c>; other text unchanged.</summary>
    public static string Escape(string text)
    {
        if (!HasAnyToEscape(text))
            return text; // the common case allocates nothing
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static bool HasAnyToEscape(string text)
    {
        foreach (var c in text)
            if (NeedsEscape(c))
                return true;
        return false;
    }
}
