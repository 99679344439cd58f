using System.Collections.Generic;

namespace ProbDsl.Cli.Slurm;

/// <summary>Shows the follower's view of a job array after each poll.</summary>
internal interface IFollowDisplay
{
    void Show(string jobId, IReadOnlyList<TaskView> tasks);
}
