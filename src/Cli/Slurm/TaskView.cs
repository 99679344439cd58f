namespace ProbDsl.Cli.Slurm;

/// <summary>
/// What the follower knows of one run at one poll: the scheduler's phase and state name, whether its run directory
/// says it finished, and how far it is (0–1, when the progress probe can tell).
/// </summary>
internal sealed record TaskView(ArrayTask Task, TaskPhase Phase, string SlurmState, bool RunFinished, double? Progress)
{
    /// <summary>Ended in any way other than finishing its run: failed, cancelled, lost, or exited 0 without finishing.</summary>
    public bool Unfinished => Phase.IsTerminal() && !RunFinished;

    public string Label => $"{Task.Index} {Task.Task.Name}";
}
