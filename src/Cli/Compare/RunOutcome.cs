namespace ProbDsl.Cli.Compare;

/// <summary>How one run ended: the exit code of its <c>probdsl train</c> process (0: finished), and where its log is.</summary>
public sealed record RunOutcome(RunTask Task, int ExitCode, string LogPath)
{
    public bool Succeeded => ExitCode == 0;
}
