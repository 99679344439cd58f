using System;
using System.CommandLine;
using System.IO;
using ProbDsl.Inference.Training;

namespace ProbDsl.Examples.Common;

/// <summary>
/// --checkpoint, --checkpoint-every, --keep-checkpoints and --resume, shared by the examples that train. Paths are
/// checked when the command line is parsed, before any data is loaded.
/// </summary>
public sealed class CheckpointOptions
{
    private static readonly TrainingOptions Defaults = new();

    private readonly Option<string?> _checkpoint = new("--checkpoint") { Description = "Write a training checkpoint here (atomically) after every epoch: weights, optimiser and generator states, position; --resume continues from it." };
    private readonly Option<int> _every = new("--checkpoint-every") { Description = "Also write the checkpoint every N steps (0: only at the end of each epoch).", DefaultValueFactory = _ => Defaults.CheckpointEverySteps };
    private readonly Option<int> _keep = new("--keep-checkpoints") { Description = "Keep the last K checkpoints: the newest at --checkpoint, older ones as PATH.1, PATH.2, ...", DefaultValueFactory = _ => Defaults.KeepCheckpoints };
    private readonly Option<string?> _resume = new("--resume") { Description = "Continue from this checkpoint file, or from the newest intact checkpoint of the model in this directory, with the same options; the numbers are those of an uninterrupted run. Further checkpoints go to --checkpoint, else next to it." };

    public Option[] All => new Option[] { _checkpoint, _every, _keep, _resume };

    public void AddValidators()
    {
        _checkpoint.Validators.Add(r =>
        {
            var path = r.GetValueOrDefault<string?>() ?? "";
            if (OutputPaths.FileProblem(path) is { } problem)
                r.AddError($"--checkpoint {Quoted(path)}: {problem}.");
        });
        OptionRules.Check(_every, value => value < 0
            ? $"--checkpoint-every must be 0 (epoch ends only) or a number of steps; got {value}." : null);
        OptionRules.Check(_keep, value => value is < 1 or > TrainingOptions.MaxKeptCheckpoints
            ? $"--keep-checkpoints must be between 1 and {TrainingOptions.MaxKeptCheckpoints} (each is a full copy of the weights and optimiser state); got {value}."
            : null);
        _resume.Validators.Add(r =>
        {
            var path = r.GetValueOrDefault<string?>() ?? "";
            if (ResumeProblem(path, explicitCheckpoint: r.GetResult(_checkpoint) is not null) is { } problem)
                r.AddError($"--resume {Quoted(path)}: {problem}.");
        });
    }

    /// <summary>The resumed checkpoint must exist; where the resumed run will write (next to it, unless --checkpoint says otherwise) must be writable.</summary>
    private static string? ResumeProblem(string path, bool explicitCheckpoint)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "the path is empty; name a checkpoint file or a directory of checkpoints";
        if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            return "the path contains a character no file name may hold";
        if (File.Exists(path))
            return !Checkpoint.IsTrainingCheckpoint(path) ? "is not a ProbDsl training checkpoint"
                : explicitCheckpoint ? null : OutputPaths.DirectoryProblem(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (Directory.Exists(path))
            return explicitCheckpoint ? null : OutputPaths.DirectoryProblem(path);
        return "no such file or directory";
    }

    private static string Quoted(string path) => path.Length == 0 || path.Trim() != path ? $"\"{path}\"" : path;

    public CheckpointSettings Read(ParseResult parsed) =>
        new(parsed.GetValue(_checkpoint), parsed.GetValue(_every), parsed.GetValue(_keep), parsed.GetValue(_resume));
}

/// <summary>Where and how often checkpoints are written, and which one to continue from.</summary>
public sealed record CheckpointSettings(string? Path, int EverySteps, int Keep, string? ResumeFrom)
{
    public TrainingOptions ApplyTo(TrainingOptions options) =>
        options with { CheckpointPath = Path, CheckpointEverySteps = EverySteps, KeepCheckpoints = Keep, ResumeFrom = ResumeFrom };
}
