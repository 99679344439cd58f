namespace ProbDsl.Cli.Slurm;

/// <summary>One array task as the scheduler last reported it: its phase and Slurm's own state name.</summary>
internal sealed record ArrayTaskStatus(int Index, TaskPhase Phase, string SlurmState);
