using System;
using System.IO;

namespace ProbDsl.Generators.Tests;

/// <summary>
/// Golden-file comparison (Verify is not available here). Set PROBDSL_UPDATE_SNAPSHOTS=1 to rewrite the
/// snapshots in the source tree after an intended change, then review the diff.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [System.Runtime.CompilerServices.CallerFilePath] string callerPath = "")
    {
        var sourcePath = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots", name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("PROBDSL_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(sourcePath, actual);
            return;
        }
        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Snapshots", name);
        Assert.True(File.Exists(expectedPath), $"No snapshot {name}; run the tests once with PROBDSL_UPDATE_SNAPSHOTS=1 and review it.");
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}
