using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ProbDsl.Cli.Slurm;

/// <summary>One submitted job array: its id, its script, the tasks in it, and the runs left out as finished.</summary>
internal sealed record Submission(string JobId, string ScriptPath, string JobDirectory, IReadOnlyList<ArrayTask> Tasks, IReadOnlyList<ArrayTask> AlreadyFinished);

/// <summary>
/// Submits the unfinished runs of a comparison as one job array: the runs the completion check calls finished are
/// left out (a resubmission runs only what is left, each resuming from its checkpoint); the others keep their
/// position in the list as their array index. The script is written to the job directory, named by time, and the
/// job is recorded there (<see cref="JobRecord"/>).
/// </summary>
internal sealed class SlurmSubmitter(SlurmClient client, IRunCompletion completion, Func<DateTime>? clock = null)
{
    /// <summary>Null when every run is already finished (nothing is submitted).</summary>
    public Submission? SubmitUnfinished(IReadOnlyList<SlurmTask> tasks, SlurmJobOptions options, string jobDirectory)
    {
        CheckNames(tasks);
        jobDirectory = Path.GetFullPath(jobDirectory);
        var all = tasks.Select((task, index) => new ArrayTask(index, task with { RunDirectory = Path.GetFullPath(task.RunDirectory) })).ToList();
        var finished = all.Where(t => completion.IsFinished(t.Task)).ToList();
        var todo = all.Except(finished).ToList();
        if (todo.Count == 0)
        {
            return null;
        }

        Directory.CreateDirectory(jobDirectory);
        foreach (var task in todo)
        {
            Directory.CreateDirectory(task.Task.RunDirectory);
        }

        var now = (clock ?? (() => DateTime.UtcNow))();
        var stamp = now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var scriptPath = Path.Combine(jobDirectory, $"{options.JobName}-{stamp}.sbatch");
        File.WriteAllText(scriptPath, SbatchScript.Render(todo, options, jobDirectory));
        var jobId = client.Submit(scriptPath);
        var submission = new Submission(jobId, scriptPath, jobDirectory, todo, finished);
        JobRecord.Of(submission, now).Write(jobDirectory); // for a later invocation to re-attach to
        return submission;
    }

    private static void CheckNames(IReadOnlyList<SlurmTask> tasks)
    {
        if (tasks.Count == 0)
        {
            throw new UserError("Nothing to submit: the comparison has no runs.");
        }

        var shared = tasks.GroupBy(t => Path.GetFullPath(t.RunDirectory)).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
        {
            throw new UserError($"Runs {string.Join(" and ", shared.Select(t => t.Name))} share the run directory {shared.Key}; each run needs its own.");
        }

        var empty = tasks.FirstOrDefault(t => t.CommandLine.Count == 0);
        if (empty is not null)
        {
            throw new UserError($"Run {empty.Name} has no command line.");
        }
    }
}
