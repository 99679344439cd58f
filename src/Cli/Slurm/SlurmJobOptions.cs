using System.Collections.Generic;

namespace ProbDsl.Cli.Slurm;

/// <summary>
/// What the user asks of the scheduler, passed through to <c>#SBATCH</c> lines as given (Slurm checks them at
/// submission, and its message is shown): <c>--partition</c>, <c>--time</c>, <c>--cpus-per-task</c>, <c>--gres</c>,
/// <c>--mem</c>, and <c>--array=…%MaxParallel</c>. Null leaves the cluster's default.
/// </summary>
internal sealed record SlurmJobOptions
{
    public string JobName { get; init; } = "probdsl";

    public string? Partition { get; init; }

    /// <summary>Wall time per task, in any form sbatch takes (<c>2:00:00</c>, <c>1-00:00:00</c>, minutes).</summary>
    public string? Time { get; init; }

    public int? CpusPerTask { get; init; }

    /// <summary>Generic resources, e.g. <c>gpu:1</c>.</summary>
    public string? Gres { get; init; }

    /// <summary>Memory per node, e.g. <c>8G</c>.</summary>
    public string? Mem { get; init; }

    /// <summary>At most this many array tasks at once (<c>--array=0-9%4</c>).</summary>
    public int? MaxParallel { get; init; }

    /// <summary>
    /// Appended with the run directory to every task's command line, so that a task requeued after pre-emption or
    /// resubmitted after a failure continues from its checkpoint instead of starting over. The command must treat
    /// it on a run directory without a checkpoint as a fresh start. Null: the command line is run as given.
    /// </summary>
    public string? ResumeFlag { get; init; } = "--resume";

    /// <summary>Further <c>#SBATCH</c> options, one per entry, written as given (e.g. <c>--account=abc</c>, <c>--qos=long</c>).</summary>
    public IReadOnlyList<string> ExtraDirectives { get; init; } = [];

    /// <summary>Shell lines run in each task before the command (e.g. <c>module load cuda/12.1</c>).</summary>
    public IReadOnlyList<string> Setup { get; init; } = [];
}
