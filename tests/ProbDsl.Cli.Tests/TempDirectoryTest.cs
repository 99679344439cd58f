using System;
using System.IO;

namespace ProbDsl.Cli.Tests;

/// <summary>A test class with a fresh directory for its data and results, deleted afterwards (xunit disposes each instance).</summary>
public abstract class TempDirectoryTest : IDisposable
{
    protected string TempDirectory { get; } = Path.Combine(Path.GetTempPath(), "probdsl-cli-tests", Guid.NewGuid().ToString("N"));

    protected TempDirectoryTest() => Directory.CreateDirectory(TempDirectory);

    public void Dispose()
    {
        Directory.Delete(TempDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
