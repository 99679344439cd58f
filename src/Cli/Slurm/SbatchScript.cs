using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ProbDsl.Cli.Slurm;

/// <summary>
/// The text of one <c>sbatch</c> job array: one array task per run, indexed by the run's position in the
/// comparison (so a resubmission of some runs keeps their indices). Each task changes into its run directory,
/// appends its output to <c>RunDirectory/slurm-%A_%a.log</c> and runs its command with the resume flag, so that a
/// task Slurm requeues (<c>--requeue</c>, after pre-emption or a node failure) continues from its checkpoint.
/// What happens before the task reaches its run directory (and Slurm's own notes, such as a cancellation) goes to
/// <c>slurm-%A_%a.log</c> in the job directory. A pure function of its inputs: the golden tests read it.
/// </summary>
internal static class SbatchScript
{
    /// <summary>Where the scheduler writes a task's output before the script redirects it (see <see cref="SchedulerLog"/>).</summary>
    public const string SchedulerLogPattern = "slurm-%A_%a.log";

    public static string Render(IReadOnlyList<ArrayTask> tasks, SlurmJobOptions options, string jobDirectory)
    {
        if (tasks.Count == 0)
        {
            throw new ArgumentException("A job array needs at least one task.", nameof(tasks));
        }

        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("#!/bin/bash");
        Line("# Written by probdsl: one array task per run. Submit with: sbatch --parsable THIS_FILE");
        foreach (var directive in Directives(tasks, options, jobDirectory))
        {
            Line("#SBATCH " + directive);
        }

        Line("set -euo pipefail");
        Line();
        Line("case \"${SLURM_ARRAY_TASK_ID:?this script is a job array: submit it with sbatch}\" in");
        foreach (var (index, task) in tasks)
        {
            Line($"    {index.ToString(CultureInfo.InvariantCulture)})");
            Line($"        name={ShellQuote.Word(task.Name)}");
            Line($"        run_dir={ShellQuote.Word(task.RunDirectory)}");
            Line($"        command=({ShellQuote.Words(task.CommandLine)})");
            Line("        ;;");
        }

        Line("    *)");
        Line("        echo \"probdsl: no run for array task $SLURM_ARRAY_TASK_ID in this job\" >&2");
        Line("        exit 2");
        Line("        ;;");
        Line("esac");
        Line();
        Line("mkdir -p \"$run_dir\"");
        Line("cd \"$run_dir\"");
        Line("exec >>\"slurm-${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}.log\" 2>&1");
        Line("echo \"probdsl: run $name, task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on $(hostname), start $((${SLURM_RESTART_COUNT:-0} + 1)), $(date -u +%Y-%m-%dT%H:%M:%SZ)\"");
        foreach (var setup in options.Setup)
        {
            Line(setup);
        }

        if (options.ResumeFlag is { } resume)
        {
            Line($"exec \"${{command[@]}}\" {ShellQuote.Word(resume)} \"$run_dir\"");
        }
        else
        {
            Line("exec \"${command[@]}\"");
        }

        return text.ToString();
    }

    /// <summary>The <c>--array</c> value: the indices, ranges folded (<c>0-3,7,9-10</c>), then <c>%N</c> if throttled.</summary>
    public static string ArraySpec(IEnumerable<int> indices, int? maxParallel)
    {
        var sorted = indices.Distinct().OrderBy(i => i).ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? Invariant(sorted[i]) : $"{Invariant(sorted[i])}-{Invariant(sorted[j])}");
            i = j + 1;
        }

        var spec = string.Join(",", parts);
        return maxParallel is { } max ? $"{spec}%{Invariant(max)}" : spec;
    }

    /// <summary>The file the scheduler writes for an array task before the script takes over its output.</summary>
    public static string SchedulerLog(string jobDirectory, string jobId, int index) =>
        System.IO.Path.Combine(jobDirectory, $"slurm-{jobId}_{Invariant(index)}.log");

    /// <summary>The log a task writes in its own run directory.</summary>
    public static string RunLog(string runDirectory, string jobId, int index) =>
        System.IO.Path.Combine(runDirectory, $"slurm-{jobId}_{Invariant(index)}.log");

    private static IEnumerable<string> Directives(IReadOnlyList<ArrayTask> tasks, SlurmJobOptions options, string jobDirectory)
    {
        yield return Directive("--job-name", options.JobName);
        yield return "--array=" + ArraySpec(tasks.Select(t => t.Index), options.MaxParallel);
        yield return "--requeue";
        yield return "--open-mode=append";
        yield return Directive("--output", System.IO.Path.Combine(jobDirectory, SchedulerLogPattern));
        if (options.Partition is { } partition)
        {
            yield return Directive("--partition", partition);
        }

        if (options.Time is { } time)
        {
            yield return Directive("--time", time);
        }

        if (options.CpusPerTask is { } cpus)
        {
            yield return "--cpus-per-task=" + Invariant(cpus);
        }

        if (options.Gres is { } gres)
        {
            yield return Directive("--gres", gres);
        }

        if (options.Mem is { } mem)
        {
            yield return Directive("--mem", mem);
        }

        foreach (var extra in options.ExtraDirectives)
        {
            yield return extra;
        }
    }

    /// <summary>
    /// An <c>#SBATCH</c> line: sbatch reads these itself, not the shell, so a value is written bare and must be one
    /// word (a run directory with a space is fine: it only appears in the shell part).
    /// </summary>
    private static string Directive(string option, string value)
    {
        if (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' || char.IsControl(c)))
        {
            throw new UserError($"{option} '{value}': Slurm options are single words; use a value without spaces or quotes (for the job directory, a path without them).");
        }

        return option + "=" + value;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
