using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ProbDsl.Cli.Slurm;

/// <summary>
/// <c>JOB_DIR/job.json</c>: the last job array submitted from a job directory — its id, script and tasks (index,
/// name, run directory). A later invocation that finds the job still queued or running follows it again
/// (re-attaches) instead of submitting its runs a second time; a stopped follow (Ctrl-C) loses nothing.
/// </summary>
internal sealed record JobRecord(string JobId, string Script, DateTime SubmittedUtc, IReadOnlyList<JobRecordTask> Tasks)
{
    public const string FileName = "job.json";

    public static string PathIn(string jobDirectory) => Path.Combine(jobDirectory, FileName);

    public static JobRecord Of(Submission submission, DateTime submittedUtc) => new(
        submission.JobId, submission.ScriptPath, submittedUtc,
        submission.Tasks.Select(t => new JobRecordTask(t.Index, t.Task.Name, t.Task.RunDirectory)).ToList());

    /// <returns>Null when there is no record (nothing submitted from here yet) or it cannot be read (then it is ignored).</returns>
    public static JobRecord? Read(string jobDirectory)
    {
        var path = PathIn(jobDirectory);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(path), JsonOptions);
            return record is { JobId.Length: > 0, Tasks.Count: > 0 } ? record : null;
        }
        catch (JsonException)
        {
            return null; // written atomically; a damaged one only costs the re-attachment
        }
    }

    public void Write(string jobDirectory)
    {
        var path = PathIn(jobDirectory);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, JsonOptions));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>The submission as a follower needs it; each task's command line taken from <paramref name="current"/> by name where known.</summary>
    public Submission ToSubmission(string jobDirectory, IReadOnlyList<SlurmTask> current)
    {
        var tasks = Tasks.Select(t => new ArrayTask(t.Index,
            current.FirstOrDefault(c => c.Name == t.Name) is { } known ? known with { RunDirectory = t.RunDirectory } : new SlurmTask(t.Name, t.RunDirectory, [])))
            .ToList();
        return new Submission(JobId, Script, Path.GetFullPath(jobDirectory), tasks, []);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

/// <summary>One array task of a recorded job.</summary>
internal sealed record JobRecordTask(int Index, string Name, string RunDirectory);
