using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Cli.Slurm;

/// <summary>Quoting for bash: a word is left bare when it is plainly safe, otherwise single-quoted.</summary>
internal static class ShellQuote
{
    public static string Word(string word)
    {
        if (word.Length > 0 && word.All(IsSafe))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''") + "'";
    }

    public static string Words(IEnumerable<string> words) => string.Join(" ", words.Select(Word));

    private static bool IsSafe(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.' or '/' or ':' or ',' or '+' or '=' or '@' or '%';
}
