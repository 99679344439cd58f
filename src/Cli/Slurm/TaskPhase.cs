using System;

namespace ProbDsl.Cli.Slurm;

/// <summary>Where an array task is, folded from Slurm's many job states into what the follower acts on.</summary>
internal enum TaskPhase
{
    /// <summary>Submitted, not yet running (also: requeued and waiting again, held, suspended).</summary>
    Pending,

    Running,

    /// <summary>Slurm says it exited 0.</summary>
    Completed,

    /// <summary>Ended with an error: non-zero exit, time limit, out of memory, node failure, pre-empted and not requeued.</summary>
    Failed,

    /// <summary>Cancelled by a user or an administrator (<c>scancel</c>).</summary>
    Cancelled,

    /// <summary>Neither squeue nor sacct knows it any more (and its run did not finish).</summary>
    Lost,
}

internal static class TaskPhases
{
    public static bool IsTerminal(this TaskPhase phase) => phase is not (TaskPhase.Pending or TaskPhase.Running);

    /// <summary>
    /// Slurm's state name as squeue (<c>%T</c>) or sacct (<c>State</c>) prints it, e.g. <c>RUNNING</c> or
    /// <c>CANCELLED by 0</c>; unknown names count as pending, so that a new Slurm never ends the follow early.
    /// </summary>
    public static TaskPhase FromSlurm(string state)
    {
        var name = state.Trim().Split(' ', 2)[0].TrimEnd('+').ToUpperInvariant();
        return name switch
        {
            "RUNNING" or "COMPLETING" or "STAGE_OUT" or "SIGNALING" or "STOPPED" => TaskPhase.Running,
            "COMPLETED" => TaskPhase.Completed,
            "CANCELLED" => TaskPhase.Cancelled,
            "FAILED" or "TIMEOUT" or "NODE_FAIL" or "OUT_OF_MEMORY" or "BOOT_FAIL" or "DEADLINE" or "PREEMPTED"
                or "REVOKED" or "SPECIAL_EXIT" => TaskPhase.Failed,
            _ => TaskPhase.Pending, // PENDING, CONFIGURING, REQUEUED, REQUEUE_HOLD, REQUEUE_FED, RESIZING, SUSPENDED, …
        };
    }

    public static string Describe(this TaskPhase phase) => phase switch
    {
        TaskPhase.Pending => "pending",
        TaskPhase.Running => "running",
        TaskPhase.Completed => "completed",
        TaskPhase.Failed => "failed",
        TaskPhase.Cancelled => "cancelled",
        TaskPhase.Lost => "lost",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };
}
