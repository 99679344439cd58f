using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// Carries out training runs somewhere: here as child processes (<see cref="LocalProcessLauncher"/>). (On Slurm a job
/// is all runs at once, submitted, followed and possibly re-attached to, so <c>--on slurm</c> is not a launcher but
/// <see cref="SlurmCompare"/>, which shares the plan, the manifest and the report.) A launcher only runs what it is given; which runs are due (not finished, or to resume) was decided by
/// <see cref="RunPlanner"/> and is already in each task's arguments. The run's output (its <c>probdsl train</c>
/// standard output and error) goes, appended, to <c>RUN/train.log</c>, the <see cref="RunOutcome.LogPath"/> whose end
/// is shown when a run fails.
/// </summary>
public interface IRunLauncher
{
    /// <summary>Runs every task, as many at once as the launcher allows, and returns how each ended (in task order).</summary>
    Task<IReadOnlyList<RunOutcome>> RunAllAsync(IReadOnlyList<RunTask> tasks, IRunObserver observer, CancellationToken cancel);
}
