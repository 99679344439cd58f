using System;
using System.IO;
using System.Linq;
using ProbDsl.Cli;
using ProbDsl.Cli.Compare;
using ProbDsl.Cli.Slurm;
using ProbDsl.Cli.Tests;

namespace ProbDsl.Slurm.Tests;

/// <summary>
/// <c>probdsl compare … --on slurm</c> against a scripted scheduler (no Slurm needed): the options become the job
/// script, options of Slurm are refused without it, and a job still in the queue is followed again, not resubmitted.
/// </summary>
public sealed class CompareSlurmOptionsTests
{
    private static readonly string Model = Paths.TestFile("Models", "bars2.pdsl");

    private static (int Code, string Output) Compare(FakeSlurm slurm, params string[] args)
    {
        var output = new StringWriter();
        var code = CliApp.Run(["compare", Model, .. args], output, output, new SlurmAccess(slurm, new FollowSettings { PollInterval = TimeSpan.Zero }));
        return (code, output.ToString());
    }

    [Fact]
    public void The_slurm_options_become_the_job_script_and_a_job_still_queued_is_followed_again()
    {
        var root = Paths.NewTempDirectory("options");
        var (images, labels) = BarsData.WriteNpy(root, count: 100, seed: 1);
        var relativeImages = Path.GetRelativePath(Environment.CurrentDirectory, images);
        var out_ = Path.Combine(root, "m2-guides");
        string[] command =
        [
            "--guides", "Structured,MeanField", "--seeds", "3", "--epochs", "2", "--out", out_, "--data", $"x={relativeImages}", "--label", $"y={labels}", "--labels", "40",
            "--on", "slurm", "--partition", "gpu", "--time", "4:00:00", "--cpus-per-task", "4", "--gres", "gpu:1", "--mem", "16G", "--max-parallel", "1",
            "--sbatch", "account=abc", "--sbatch=--qos=long", "--setup", "export PROBDSL_DATA=/shared/data",
        ];
        var slurm = new FakeSlurm("7", "7_0|COMPLETED\n7_1|COMPLETED\n");

        var (code, output) = Compare(slurm, command);

        Assert.True(code == 3, output); // the fake tasks "complete" without training: their runs are not finished
        Assert.Contains("Submitted job array 7: 2 runs.", output);
        Assert.Contains("exited 0 but its run is not finished", output);
        Assert.Contains("must be at these same paths on the compute nodes", output);
        Assert.True(File.Exists(Path.Combine(out_, "report.md")), output);
        var script = File.ReadAllText(slurm.Calls.Single(c => c.StartsWith("sbatch", StringComparison.Ordinal))["sbatch --parsable ".Length..]);
        foreach (var line in new[]
                 {
                     "#SBATCH --job-name=m2-guides", "#SBATCH --array=0-1%1", "#SBATCH --partition=gpu", "#SBATCH --time=4:00:00", "#SBATCH --cpus-per-task=4",
                     "#SBATCH --gres=gpu:1", "#SBATCH --mem=16G", "#SBATCH --account=abc", "#SBATCH --qos=long", "export PROBDSL_DATA=/shared/data",
                     "exec \"${command[@]}\" --resume \"$run_dir\"",
                 })
        {
            Assert.Contains(line + "\n", script);
        }

        var structured = script.Split('\n').Single(l => l.Contains("command=(", StringComparison.Ordinal) && l.Contains("--guide Structured", StringComparison.Ordinal));
        Assert.Contains($" train {Model} --guide Structured --seed 3 --epochs 2 --labelled 40 --threads 4 --out {Path.Combine(out_, "runs", "Structured-declared-seed3")} ", structured);
        Assert.Contains($"--data x={images} ", structured); // made absolute: the task starts in its run directory
        Assert.DoesNotContain("--resume", structured); // the script adds it, once

        // The same command while job 7 is still queued: followed again, nothing submitted.
        var again = new FakeSlurm("8", "7_0|RUNNING\n7_1|PENDING\n", "7_0|RUNNING\n7_1|RUNNING\n", "7_0|COMPLETED\n7_1|FAILED\n");
        var (code2, output2) = Compare(again, command);

        Assert.Equal(0, again.Submissions);
        Assert.Contains("Job array 7 is still in the queue from an earlier submission: following it again (2 runs)", output2);
        Assert.Contains("--- 7_1 MeanField-declared-seed3: FAILED", output2);
        Assert.Equal(3, code2);
    }

    /// <summary>
    /// The script of the command docs/slurm.md and the README show, as compare writes it (golden; the temporary
    /// directory standing for /shared, the test's own tool for /shared/tools/probdsl).
    /// </summary>
    [Fact]
    public void The_script_of_the_documented_command_is_the_golden_one()
    {
        var root = Paths.NewTempDirectory("documented");
        var out_ = Path.Combine(root, "m2-guides");
        Directory.CreateDirectory(out_);
        var model = Path.Combine(out_, "m2.pdsl");
        File.Copy(Path.Combine(Paths.RepoRoot, "examples", "M2Mnist", "m2.pdsl"), model);
        var slurm = new FakeSlurm("4711", "4711_0|COMPLETED\n4711_1|COMPLETED\n4711_2|COMPLETED\n4711_3|COMPLETED\n");
        var output = new StringWriter();

        // probdsl compare /shared/m2-guides/m2.pdsl --guides Structured,MeanField --seeds 1,2 --data mnist --labels 100 --epochs 50 \
        //     --out /shared/m2-guides --on slurm --partition gpu --time 04:00:00 --cpus-per-task 4 --gres gpu:1 --mem 16G \
        //     --setup "export PROBDSL_DATA=/shared/probdsl-data"
        CliApp.Run(
            ["compare", model, "--guides", "Structured,MeanField", "--seeds", "1,2", "--data", "mnist", "--labels", "100", "--epochs", "50",
             "--out", out_, "--on", "slurm", "--partition", "gpu", "--time", "04:00:00", "--cpus-per-task", "4", "--gres", "gpu:1", "--mem", "16G",
             "--setup", "export PROBDSL_DATA=/shared/probdsl-data"],
            output, output, new SlurmAccess(slurm, new FollowSettings { PollInterval = TimeSpan.Zero }));

        var script = File.ReadAllText(slurm.Calls.Single(c => c.StartsWith("sbatch", StringComparison.Ordinal))["sbatch --parsable ".Length..]);
        var tool = ToolExecutable.Current();
        script = script.Replace(string.Join(" ", [tool.FileName, .. tool.LeadingArguments]) + " ", "/shared/tools/probdsl ").Replace(root, "/shared");
        Golden.Match("compare-m2-guides.sbatch", script);
    }

    [Fact]
    public void A_task_that_cannot_find_the_tool_is_explained_as_a_tool_not_on_a_shared_file_system()
    {
        var root = Paths.NewTempDirectory("notool");
        var out_ = Path.Combine(root, "out");
        var tool = ToolExecutable.Current().FileName;
        var slurm = new FakeSlurm("9", "9_0|FAILED\n")
        {
            // What bash in the job script prints when the node has no such file.
            OnPoll = _ => File.WriteAllText(Path.Combine(out_, "runs", "MeanField-declared-seed0", "slurm-9_0.log"),
                $"probdsl: run MeanField-declared-seed0, task 9_0 on node7, start 1\n/var/spool/slurmd/job00009/slurm_script: line 19: {tool}: No such file or directory\n"),
        };

        var (code, output) = Compare(slurm, "--guides", "MeanField", "--out", out_, "--data", "x=x.npy", "--on", "slurm");

        Assert.Equal(3, code);
        Assert.Contains("--- 9_0 MeanField-declared-seed0: FAILED", output);
        Assert.Contains($"error: a task could not start {tool}: the tool must be on a file system the compute nodes share", output);
    }

    [Theory]
    [InlineData("--partition", "gpu")]
    [InlineData("--gres", "gpu:1")]
    [InlineData("--max-parallel", "2")]
    [InlineData("--setup", "module load cuda")]
    public void A_slurm_option_without_on_slurm_is_refused_naming_it(string option, string value)
    {
        var root = Paths.NewTempDirectory("refuse");
        var slurm = new FakeSlurm("1");

        var (code, output) = Compare(slurm, "--out", Path.Combine(root, "out"), "--data", "x=x.npy", option, value);

        Assert.Equal(2, code);
        Assert.Contains($"error: {option} applies only to --on slurm", output);
        Assert.Empty(slurm.Calls);
        Assert.False(Directory.Exists(Path.Combine(root, "out")));
    }

    [Fact]
    public void Jobs_is_refused_on_slurm()
    {
        var (code, output) = Compare(new FakeSlurm("1"), "--out", Path.Combine(Paths.NewTempDirectory("refuse"), "out"), "--data", "x=x.npy", "--on", "slurm", "--jobs", "2");

        Assert.Equal(2, code);
        Assert.Contains("error: --jobs applies only to --on local", output);
    }
}
