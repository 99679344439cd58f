using System;
using System.IO;

namespace ProbDsl.Slurm.Tests;

internal static class Paths
{
    /// <summary>The repository root: the first folder up from the test binaries that holds ProbDsl.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string TestFile(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static string NewTempDirectory(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "probdsl-slurm-tests", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProbDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ProbDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
