using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ProbDsl.Cli;
using ProbDsl.Cli.Slurm;

namespace ProbDsl.Slurm.Tests;

/// <summary>The generated job script: its exact text (golden, the one docs/slurm.md shows), and what it does when bash runs it.</summary>
public sealed class SbatchScriptTests
{
    /// <summary>A 2 guides × 2 seeds comparison on a shared file system, with every pass-through option set.</summary>
    internal static IReadOnlyList<ArrayTask> CompareTasks()
    {
        var runs = new List<ArrayTask>();
        foreach (var guide in new[] { "Structured", "MeanField" })
        {
            foreach (var seed in new[] { 1, 2 })
            {
                var name = $"{guide.ToLowerInvariant()}-seed{seed}";
                var dir = $"/shared/m2-guides/runs/{name}";
                runs.Add(new ArrayTask(runs.Count, new SlurmTask(name, dir,
                [
                    "/shared/tools/probdsl", "train", "/shared/m2-guides/m2.pdsl", "--guide", guide, "--seed", $"{seed}",
                    "--data", "mnist", "--labelled", "100", "--epochs", "50", "--threads", "4", "--out", dir,
                ])));
            }
        }

        return runs;
    }

    internal static SlurmJobOptions GpuOptions => new()
    {
        JobName = "m2-guides",
        Partition = "gpu",
        Time = "04:00:00",
        CpusPerTask = 4,
        Gres = "gpu:1",
        Mem = "16G",
        Setup = ["export PROBDSL_DATA=/shared/probdsl-data"],
    };

    [Fact]
    public void The_script_of_a_two_by_two_gpu_comparison_is_the_golden_one()
    {
        var script = SbatchScript.Render(CompareTasks(), GpuOptions, "/shared/m2-guides/slurm");
        Golden.Match("compare-2x2-gpu.sbatch", script);
    }

    [Fact]
    public void A_resubmission_keeps_each_runs_index_and_leaves_out_the_others()
    {
        var left = CompareTasks().Where(t => t.Index is 1 or 3).ToList();
        var script = SbatchScript.Render(left, new SlurmJobOptions(), "/shared/m2-guides/slurm");
        Golden.Match("resubmit-two-of-four.sbatch", script);
    }

    [Theory]
    [InlineData(new[] { 0 }, null, "0")]
    [InlineData(new[] { 0, 1, 2, 3 }, null, "0-3")]
    [InlineData(new[] { 3, 1, 0, 7, 9, 10 }, 2, "0-1,3,7,9-10%2")]
    public void The_array_spec_folds_ranges(int[] indices, int? maxParallel, string expected) =>
        Assert.Equal(expected, SbatchScript.ArraySpec(indices, maxParallel));

    [Theory]
    [InlineData("plain-word_1.0/x:y", "plain-word_1.0/x:y")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("", "''")]
    public void Words_are_quoted_for_bash(string word, string expected) => Assert.Equal(expected, ShellQuote.Word(word));

    [Fact]
    public void A_slurm_option_with_a_space_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<UserError>(() => SbatchScript.Render(CompareTasks(), new SlurmJobOptions { Partition = "gpu long" }, "/j"));
        Assert.Contains("--partition 'gpu long'", error.Message);
    }

    [Fact]
    public void Run_by_bash_as_array_task_one_it_runs_that_runs_command_with_resume_in_its_run_directory_and_logs_there()
    {
        var root = Paths.NewTempDirectory("script");
        var runDir = Path.Combine(root, "runs", "it's a run");
        var tasks = new[]
        {
            new ArrayTask(0, new SlurmTask("first", Path.Combine(root, "runs", "first"), ["false"])),
            new ArrayTask(1, new SlurmTask("second", runDir, ["bash", "-c", "echo \"args: $* in $PWD\"", "train", "--seed", "two words"])),
        };
        var scriptPath = Path.Combine(root, "job.sbatch");
        File.WriteAllText(scriptPath, SbatchScript.Render(tasks, new SlurmJobOptions(), root));

        var result = RunBash(scriptPath, new() { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_JOB_ID"] = "42" });

        Assert.Equal(0, result.ExitCode);
        var log = File.ReadAllLines(Path.Combine(runDir, "slurm-42_1.log"));
        Assert.StartsWith("probdsl: run second, task 42_1 on ", log[0]);
        Assert.Contains(", start 1, ", log[0]);
        Assert.Equal($"args: --seed two words --resume {runDir} in {runDir}", log[1]);
        Assert.False(Directory.Exists(Path.Combine(root, "runs", "first")));
    }

    [Fact]
    public void Run_by_bash_for_an_index_it_does_not_have_it_fails_with_a_message()
    {
        var root = Paths.NewTempDirectory("script");
        var scriptPath = Path.Combine(root, "job.sbatch");
        File.WriteAllText(scriptPath, SbatchScript.Render([new ArrayTask(0, new SlurmTask("a", root, ["true"]))], new SlurmJobOptions(), root));

        var result = RunBash(scriptPath, new() { ["SLURM_ARRAY_TASK_ID"] = "5", ["SLURM_ARRAY_JOB_ID"] = "42" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no run for array task 5", result.Error);
    }

    private static CommandResult RunBash(string script, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new CommandResult(process.ExitCode, output, error);
    }
}

/// <summary>docs/slurm.md shows the job script the tool writes, not an older one.</summary>
public sealed class DocsTests
{
    [Fact]
    public void The_slurm_page_shows_the_golden_script()
    {
        var doc = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "slurm.md"));
        // The script `probdsl compare … --on slurm` writes for the documented command (CompareSlurmOptionsTests).
        var golden = File.ReadAllText(Path.Combine(Paths.RepoRoot, "tests", "ProbDsl.Slurm.Tests", "Golden", "compare-m2-guides.sbatch"));
        Assert.Contains("```bash\n" + golden + "```", doc);
    }
}
