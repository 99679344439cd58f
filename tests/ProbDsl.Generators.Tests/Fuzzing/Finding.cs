using System.Text.RegularExpressions;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// One oracle violation. <see cref="Signature"/> groups findings that are the same bug: the oracle and the message
/// with its names and numbers blanked out, so a million inputs report a handful of distinct findings.
/// <see cref="Detail"/> is shown but does not split the group (e.g. which files differed).
/// </summary>
internal sealed record Finding(string Oracle, string Message, string Detail = "")
{
    public string Signature => Oracle + ": " + Blank(Message);

    private static string Blank(string message)
    {
        var quoted = Regex.Replace(message, "'[^']*'|\"[^\"]*\"", "'…'");
        var numbered = Regex.Replace(quoted, @"\d+", "N");
        return numbered.Length > 160 ? numbered.Substring(0, 160) : numbered;
    }
}
