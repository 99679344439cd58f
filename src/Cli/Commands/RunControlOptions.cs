using System.CommandLine;
using System.IO;
using ProbDsl.Cli.Training;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Commands;

/// <summary>
/// The options of <c>probdsl train</c> that control how a run is carried out rather than what it trains: the
/// labelled schedule, how often the exact test ELBO and checkpoints are written, resuming, and plain step lines for
/// a parent process (<c>probdsl compare</c>) that shows progress bars.
/// </summary>
internal sealed class RunControlOptions
{
    private static readonly TrainingOptions Defaults = new();

    public Option<string> LabelledSchedule { get; } = new("--labelled-schedule")
    {
        Description = "every-step: a labelled batch in every step; interleaved: labelled batches as steps of their own, one pass over the labels per epoch (as Pyro's SS-VAE).",
        DefaultValueFactory = _ => Name(Defaults.LabelledSchedule),
    };

    public Option<int> ElboEvery { get; } = new("--elbo-every") { Description = "Compute the exact test ELBO every N epochs (and after the last).", DefaultValueFactory = _ => Defaults.ElboEvery };

    public Option<int> CheckpointEvery { get; } = new("--checkpoint-every") { Description = "Also write the checkpoint every N steps (0: at the end of each epoch only).", DefaultValueFactory = _ => 0 };

    public Option<string?> Resume { get; } = new("--resume") { Description = "Continue from this checkpoint file, or from the newest intact checkpoint of the model in this directory (e.g. the --out of an interrupted run), with the same options." };

    public Option<bool> StepLines { get; } = new("--step-lines") { Description = "Print a plain 'progress' line every few seconds inside each epoch, even when not on a terminal (for probdsl compare).", Hidden = true };

    public Option<bool> StopWithParent { get; } = new(ParentWatch.Option)
    {
        Description = "Stop when standard input is closed: probdsl compare holds it open, so a run stops when its compare is gone, even killed with SIGKILL (it resumes from its last checkpoint).",
        Hidden = true,
    };

    public Option<string?> GradientVarianceAt { get; } = new(Training.GradientVarianceSteps.Option)
    {
        Description = $"Measure the variance of the guide's stochastic gradient over {GradientVarianceProbe.DefaultMinibatches} fresh minibatches after these global steps (e.g. {Training.GradientVarianceSteps.CompareDefault}), into gradient-variance.json; training is unchanged.",
        Hidden = true,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { LabelledSchedule, ElboEvery, CheckpointEvery, Resume, StepLines, StopWithParent, GradientVarianceAt })
            command.Options.Add(option);
        GradientVarianceAt.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && Training.GradientVarianceSteps.Parse(text, out var error) is null)
                r.AddError(error!);
        });
        LabelledSchedule.AcceptOnlyFromAmong("every-step", "interleaved");
        OptionRules.Positive(ElboEvery);
        CheckpointEvery.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
                r.AddError($"--checkpoint-every must be 0 or more; got {r.GetValueOrDefault<int>()}.");
        });
        Resume.Validators.Add(r =>
        {
            var path = r.GetValueOrDefault<string?>();
            if (path is not null && !File.Exists(path) && !Directory.Exists(path))
                r.AddError($"--resume {path}: no such file or directory.");
        });
    }

    public TrainingOptions Apply(ParseResult parsed, TrainingOptions options) => options with
    {
        LabelledSchedule = parsed.GetValue(LabelledSchedule) == "interleaved" ? Inference.Training.LabelledSchedule.Interleaved : Inference.Training.LabelledSchedule.EveryStep,
        ElboEvery = parsed.GetValue(ElboEvery),
        CheckpointEverySteps = parsed.GetValue(CheckpointEvery),
        ResumeFrom = parsed.GetValue(Resume),
    };

    private static string Name(LabelledSchedule schedule) =>
        schedule == Inference.Training.LabelledSchedule.Interleaved ? "interleaved" : "every-step";
}
