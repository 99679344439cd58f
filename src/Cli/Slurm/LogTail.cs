using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProbDsl.Cli.Slurm;

/// <summary>The last lines of an array task's logs: its own (in the run directory), then the scheduler's (in the job directory).</summary>
internal static class LogTail
{
    public static IReadOnlyList<string> Read(string jobDirectory, string jobId, ArrayTask task, int lines = 15)
    {
        var tail = new List<string>();
        foreach (var path in new[]
                 {
                     SbatchScript.RunLog(task.Task.RunDirectory, jobId, task.Index),
                     SbatchScript.SchedulerLog(jobDirectory, jobId, task.Index),
                 })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            string[] content;
            try
            {
                content = File.ReadAllLines(path);
            }
            catch (IOException)
            {
                continue;
            }

            if (content.Length == 0)
            {
                continue;
            }

            tail.Add($"==> {path} <==");
            tail.AddRange(content.Skip(Math.Max(0, content.Length - lines)));
        }

        if (tail.Count == 0)
        {
            tail.Add($"(no log: neither {SbatchScript.RunLog(task.Task.RunDirectory, jobId, task.Index)} nor the scheduler's log in {jobDirectory} exists)");
        }

        return tail;
    }
}
