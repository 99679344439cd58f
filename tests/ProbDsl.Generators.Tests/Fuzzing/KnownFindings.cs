using System;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Findings already reported to the owners of the code at fault (src/Generators/Emit) and still open. They are
/// counted and printed but do not fail the run, which they would fail at random otherwise (a few in a thousand
/// inputs). Give each entry a test that it is still open, so that fixing it says to delete the entry.
/// </summary>
internal static class KnownFindings
{
    internal sealed record Known(string Name, Func<Finding, string, bool> Matches);

    /// <summary>None open today. (Names of only '_' and digits, which renamed to nothing, were fixed in Names.Pascal.)</summary>
    public static readonly Known[] All = System.Array.Empty<Known>();

    public static Known? Match(Finding finding, string input) => Array.Find(All, known => known.Matches(finding, input));
}
