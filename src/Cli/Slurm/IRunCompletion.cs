using System.IO;

namespace ProbDsl.Cli.Slurm;

/// <summary>
/// Whether a run is done, read from its run directory (not from Slurm, which forgets jobs and cannot tell a
/// finished run from a task that exited 0 early). Resubmission skips the runs this says are finished; compare
/// supplies its own (e.g. run.json's status).
/// </summary>
internal interface IRunCompletion
{
    bool IsFinished(SlurmTask task);
}

/// <summary>A run is finished when its run directory holds a marker file, by default <c>finished</c>.</summary>
internal sealed class MarkerFileCompletion(string fileName = MarkerFileCompletion.DefaultFileName) : IRunCompletion
{
    public const string DefaultFileName = "finished";

    public bool IsFinished(SlurmTask task) => File.Exists(Path.Combine(task.RunDirectory, fileName));
}
