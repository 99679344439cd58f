using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProbDsl.Cli.Slurm;

/// <summary>Lists the runs that ended without finishing, each with the tail of its logs, and how to go on.</summary>
internal static class FailureReport
{
    public static void Write(TextWriter output, Submission submission, IReadOnlyList<TaskView> views, int tailLines = 15)
    {
        var unfinished = views.Where(v => v.Unfinished).ToList();
        if (unfinished.Count == 0)
        {
            return;
        }

        output.WriteLine($"{unfinished.Count} of {views.Count} runs in job {submission.JobId} ended without finishing:");
        foreach (var view in unfinished)
        {
            var state = view.SlurmState.Length > 0 ? view.SlurmState : view.Phase.Describe();
            output.WriteLine();
            output.WriteLine($"--- {submission.JobId}_{view.Task.Index} {view.Task.Task.Name}: {state}, run directory {view.Task.Task.RunDirectory}");
            foreach (var line in LogTail.Read(submission.JobDirectory, submission.JobId, view.Task, tailLines))
            {
                output.WriteLine("    " + line);
            }
        }

        output.WriteLine();
        output.WriteLine("Submitting the same comparison again runs only these, each resuming from its last checkpoint.");
    }
}
