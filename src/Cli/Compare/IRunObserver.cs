namespace ProbDsl.Cli.Compare;

/// <summary>
/// What a launcher tells about the runs it carries out. Calls may come from several threads at once (one per run);
/// implementations synchronise themselves.
/// </summary>
public interface IRunObserver
{
    void Started(RunTask task);

    /// <summary>A line the run printed (its epoch and progress lines among them), as it comes.</summary>
    void Line(RunTask task, string line);

    void Ended(RunOutcome outcome);
}
