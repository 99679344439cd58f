using System.Globalization;

namespace ProbDsl.Dsl.Parsing;

/// <summary>
/// Number literals and their ranges. A size must fit in an int (the IR's and TorchSharp's shape arguments) and a
/// number must be finite; a literal outside that is a located error (PDSL0002), never an overflow exception.
/// </summary>
internal static class NumberLiterals
{
    public static bool TryInt32(string digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// .NET parses a literal beyond double's range as ±infinity (and one below its precision as 0, which is
    /// what was written, rounded): infinity is the only value to refuse.
    /// </summary>
    public static bool TryFiniteDouble(string literal, out double value) =>
        double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value) && !double.IsNaN(value);

    /// <summary>
    /// When parsing stopped at a number literal that failed only because of its range: the literal and why.
    /// Used to report that failure as PDSL0002 instead of a syntax error.
    /// </summary>
    public static (string Literal, string Reason)? OutOfRange(string text, int position)
    {
        var literal = LiteralAt(text, position);
        if (literal.Length == 0)
            return null;
        if (IsDigits(literal) && !TryInt32(literal, out _))
            return (literal, $"a size or count must be at most {int.MaxValue}");
        if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsInfinity(value))
            return (literal, "numbers must be finite (at most about 1.8e308 in magnitude)");
        return null;
    }

    /// <summary>The longest text at <paramref name="position"/> shaped like a number: -?digits(.digits)?(e[+-]?digits)?.</summary>
    private static string LiteralAt(string text, int position)
    {
        var end = position;
        if (end < text.Length && text[end] == '-')
            end++;
        var digitsStart = end;
        end = SkipDigits(text, end);
        if (end == digitsStart)
            return "";
        if (end + 1 < text.Length && text[end] == '.' && char.IsDigit(text[end + 1]))
            end = SkipDigits(text, end + 1);
        if (end < text.Length && (text[end] == 'e' || text[end] == 'E'))
        {
            var exponent = end + 1 < text.Length && (text[end + 1] == '+' || text[end + 1] == '-') ? end + 2 : end + 1;
            var afterExponent = SkipDigits(text, exponent);
            if (afterExponent > exponent)
                end = afterExponent;
        }
        return text.Substring(position, end - position);
    }

    private static int SkipDigits(string text, int position)
    {
        while (position < text.Length && text[position] >= '0' && text[position] <= '9')
            position++;
        return position;
    }

    private static bool IsDigits(string literal)
    {
        foreach (var c in literal)
            if (c < '0' || c > '9')
                return false;
        return true;
    }
}
