using System;
using System.Text.RegularExpressions;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Findings already reported to the owners of the code at fault (src/Generators/Emit) and still open. They are
/// counted and printed but do not fail the run, which they would fail at random otherwise (a few in a thousand
/// inputs). <see cref="KnownFindingsTests"/> checks that each is still open: fixing one fails that test, which
/// says to delete its entry here.
/// </summary>
internal static class KnownFindings
{
    internal sealed record Known(string Name, Func<Finding, string, bool> Matches);

    /// <summary>
    /// What Roslyn says about a missing or digit-first identifier, and about two locals that became one (a label
    /// '__' renames to nothing, so 'expectedOver' + 'C' meets 'expectedOver' + '' + 'C').
    /// </summary>
    private static readonly string[] SyntaxErrors = { "CS1001", "CS1002", "CS1003", "CS1513", "CS1519", "CS1525", "CS1022", "CS0128" };

    /// <summary>
    /// A name of underscores and digits only: C# renaming (Names.Pascal/Camel) leaves it empty or starting with a
    /// digit, a syntax error in the generated code. Other compile errors of such an input still count.
    /// </summary>
    public static readonly Known NamesThatRenameToNothing = new(
        "a name of only '_' and digits ('_', '_1') renames to an empty or digit-first C# identifier, and the generated code does not compile",
        (finding, input) => finding.Oracle == "generated code does not compile" && Array.Exists(SyntaxErrors, id => finding.Message.StartsWith(id + ":", StringComparison.Ordinal))
            && Regex.IsMatch(Unescaped(input), @"(?<![\p{L}\p{Nd}_])_+\p{Nd}*(?![\p{L}\p{Nd}_])"));

    /// <summary>Inline text may spell the name with C# escapes (<c>\u005F1</c>).</summary>
    private static string Unescaped(string input) =>
        Regex.Replace(input, @"\\u([0-9A-Fa-f]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    public static readonly Known[] All = { NamesThatRenameToNothing };

    public static Known? Match(Finding finding, string input) => Array.Find(All, known => known.Matches(finding, input));
}
