namespace ProbDsl.Cli;

/// <summary>What the tool's exit code means, the same for every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The model has errors (diagnostics were printed as the build prints them).</summary>
    public const int ModelErrors = 1;

    /// <summary>The user asked for something impossible: a missing file, a bad option, data that do not fit the model.</summary>
    public const int UsageOrData = 2;

    /// <summary><c>probdsl compare</c>: at least one of its training runs failed (each is listed with the end of its log).</summary>
    public const int RunsFailed = 3;

    /// <summary><c>probdsl train</c> started by compare: the compare process is gone, so the run stopped (it resumes from its last checkpoint).</summary>
    public const int ParentGone = 4;
}
