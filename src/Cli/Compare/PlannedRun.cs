namespace ProbDsl.Cli.Compare;

/// <summary>A run of the comparison and where it stands; only unfinished ones are handed to a launcher.</summary>
internal sealed record PlannedRun(RunTask Task, RunState State);
