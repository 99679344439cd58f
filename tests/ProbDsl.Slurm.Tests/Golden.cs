using System;
using System.IO;

namespace ProbDsl.Slurm.Tests;

/// <summary>
/// Compares text with a file in Golden/. On a difference the actual text is written beside the source copy as
/// NAME.actual, so that an intended change is accepted by moving it over the golden file.
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual)
    {
        var source = Path.Combine(Paths.RepoRoot, "tests", "ProbDsl.Slurm.Tests", "Golden", name);
        var expected = File.Exists(source) ? File.ReadAllText(source) : null;
        if (expected == actual)
        {
            return;
        }

        File.WriteAllText(source + ".actual", actual);
        Assert.Fail(expected is null
            ? $"No golden file {source}; wrote the actual text to {source}.actual (move it over to accept it)."
            : $"The text differs from {source}; the actual text is in {source}.actual.{Environment.NewLine}{actual}");
    }
}
