using System.Globalization;
using ProbDsl.Cli.Training;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// Reads where a run stands from the lines <c>probdsl train</c> prints: <c>epoch   3/10  loss …</c> when an epoch
/// ends, and with <c>--step-lines</c> <c>progress epoch 3/10 step 120/300</c> inside one.
/// </summary>
internal static class RunLine
{
    /// <summary>The epoch that just ended, from an epoch line.</summary>
    public static bool IsEpochEnd(string line, out int epoch)
    {
        epoch = 0;
        return line.StartsWith("epoch ", System.StringComparison.Ordinal) && Fraction(line["epoch ".Length..], out epoch, out _);
    }

    /// <summary>How far into the run, in epochs (2.4 = 40% into the third epoch), from a progress line.</summary>
    public static bool IsProgress(string line, out double epochsDone)
    {
        epochsDone = 0;
        if (!line.StartsWith(StepLines.Prefix, System.StringComparison.Ordinal))
            return false;
        var rest = line[StepLines.Prefix.Length..];
        var step = rest.IndexOf(" step ", System.StringComparison.Ordinal);
        if (step < 0 || !Fraction(rest[..step], out var epoch, out _) || !Fraction(rest[(step + " step ".Length)..], out var done, out var steps) || steps <= 0)
            return false;
        epochsDone = epoch - 1 + (double)done / steps;
        return true;
    }

    /// <summary>Reads <c>A/B</c> at the start of <paramref name="text"/> (leading spaces allowed, anything after B ignored).</summary>
    private static bool Fraction(string text, out int numerator, out int denominator)
    {
        numerator = denominator = 0;
        text = text.TrimStart();
        var slash = text.IndexOf('/');
        if (slash <= 0)
            return false;
        var end = slash + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        return int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out numerator)
            && int.TryParse(text[(slash + 1)..end], NumberStyles.None, CultureInfo.InvariantCulture, out denominator);
    }
}
