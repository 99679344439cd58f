using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProbDsl.Cli.Training;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// Turns a comparison into runs: one <c>probdsl train</c> command line per variant and seed, into its own directory
/// <c>DIR/runs/NAME</c>, with <c>--resume</c> added when that directory holds a checkpoint of an interrupted attempt.
/// Every variant of a seed gets the same <c>--seed</c>, hence the same split of the data into labelled, unlabelled
/// and test rows (the split follows the seed, as in <c>probdsl train</c>).
/// </summary>
internal static class RunPlanner
{
    public const string RunsFolder = "runs";

    /// <param name="resumeArgument">
    /// Add <c>--resume DIR</c> to the runs that have a checkpoint. False for a launcher that resumes every run
    /// itself (the Slurm job script passes <c>--resume</c> on every start): then each command line is a fresh run's.
    /// </param>
    public static IReadOnlyList<PlannedRun> Plan(CompareSettings settings, bool resumeArgument = true)
    {
        var runsDirectory = Path.Combine(Path.GetFullPath(settings.OutDirectory), RunsFolder);
        return settings.Runs.Select(run =>
        {
            var directory = Path.Combine(runsDirectory, run.Variant.RunName(run.Seed));
            var state = StateOf(directory);
            var arguments = TrainArguments(settings, run.Variant, run.Seed, directory, resume: resumeArgument && state == RunState.Resumable);
            return new PlannedRun(new RunTask(run.Variant.RunName(run.Seed), directory, arguments), state);
        }).ToList();
    }

    public static RunState StateOf(string runDirectory) =>
        RunResults.IsFinished(runDirectory) ? RunState.Finished
        : HasCheckpoint(runDirectory) ? RunState.Resumable
        : RunState.Fresh;

    private static bool HasCheckpoint(string directory) =>
        Directory.Exists(directory)
        && Directory.EnumerateFiles(directory, RunResults.CheckpointFile + "*")
            .Any(path => !Path.GetFileName(path).StartsWith('.') && Checkpoint.IsTrainingCheckpoint(path));

    private static IReadOnlyList<string> TrainArguments(CompareSettings settings, Variant variant, int seed, string directory, bool resume)
    {
        var arguments = new List<string> { "train", Path.GetFullPath(settings.File), "--guide", variant.Guide };
        if (variant.Infer is not null)
            arguments.AddRange(["--infer", variant.Infer]);
        arguments.AddRange(
        [
            "--seed", Number(seed), "--epochs", Number(settings.Epochs), "--labelled", Number(settings.Labels),
            "--threads", Number(settings.Threads), "--out", directory, "--step-lines",
        ]);
        arguments.AddRange(settings.PassThrough);
        if (!settings.PassThrough.Contains(GradientVarianceSteps.Option))
            arguments.AddRange([GradientVarianceSteps.Option, GradientVarianceSteps.CompareDefault]);
        if (resume)
            arguments.AddRange(["--resume", directory]);
        return arguments;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
