using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Threading;
using ProbDsl.Cli.Commands;
using ProbDsl.Cli.Training;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// <c>probdsl compare FILE --guides A,B --infer y=enumerate,relax(hard) --seeds 0,1,2 --epochs E --out DIR</c>:
/// trains every guide × estimator with every seed as its own <c>probdsl train</c> run, resumes what an earlier
/// invocation left unfinished, then writes the report. Every other option of <c>probdsl train</c> is accepted and
/// passed to each run unchanged; they are borrowed from the train command itself, so they validate and read the
/// same and cannot drift apart. With <c>--on slurm</c> the runs go to Slurm as one job array (<see cref="SlurmCompare"/>).
/// </summary>
internal static class CompareCommand
{
    private static readonly TrainingOptions Defaults = new();

    /// <summary>Train options that compare sets per run itself, so they are not passed through.</summary>
    private static readonly HashSet<string> PerRun = ["--guide", "--infer", "--seed", "--epochs", "--labelled", "--threads", "--out", "--resume", "--step-lines", ParentWatch.Option];

    public static Command Create(Terminal terminal, SlurmAccess? slurmAccess = null)
    {
        var file = new Argument<string>("file") { Description = "The .pdsl file." };
        var guides = new Option<string?>("--guides") { Description = "Comma-separated guides to compare (default: every guide of the model)." };
        var infer = new Option<string?>("--infer") { Description = "NAME=STRATEGY[,STRATEGY...]: the estimators to compare for a discrete variable, e.g. y=enumerate,relax(hard) (default: the file's own)." };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds; each seed's runs share one split of the data and one labelled subset.", DefaultValueFactory = _ => "0" };
        var labels = new Option<int>("--labels", "--labelled") { Description = "How many training rows keep their label (MNIST: balanced, a multiple of 10).", DefaultValueFactory = _ => 100 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs of every run.", DefaultValueFactory = _ => Defaults.Epochs };
        var output = new Option<string>("--out") { Description = "Directory of the comparison: compare.json, runs/NAME/ (results, checkpoints, log of each run), report.md and report.html.", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "How many runs train at once, each in its own process.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "libtorch threads of each run (default 1: runs in parallel share the cores).", DefaultValueFactory = _ => 1 };

        var on = new Option<string>("--on") { Description = "Where the runs train: local (child processes here, --jobs at once) or slurm (one sbatch job array, one task per run; see docs/slurm.md).", DefaultValueFactory = _ => "local" };
        var slurm = new SlurmOptions();

        var command = new Command("compare", "Train several guides and estimators with several seeds on the same data, then write a report comparing them.");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { guides, infer, seeds, labels, epochs, output, jobs, threads, on })
            command.Options.Add(option);
        on.AcceptOnlyFromAmong("local", "slurm");
        slurm.AddTo(command);
        OptionRules.Positive(labels, epochs, jobs, threads);
        var passed = TrainCommand.Create(terminal).Options.Where(o => o is not HelpOption && !PerRun.Contains(o.Name)).ToList();
        foreach (var option in passed)
            command.Options.Add(option);

        command.SetAction(parsed => CliApp.Guard(terminal, () =>
        {
            var onSlurm = parsed.GetValue(on) == "slurm";
            if (!onSlurm && slurm.Given(parsed).FirstOrDefault() is { } stray)
                throw new UserError($"{stray.Name} applies only to --on slurm; add --on slurm, or leave it out.");
            if (onSlurm && Given(parsed, jobs))
                throw new UserError("--jobs applies only to --on local (runs at once on this machine); on Slurm every run is an array task, and --max-parallel N limits how many run at once.");
            // On Slurm a task has --cpus-per-task cores of its own: use them, unless --threads says otherwise.
            var threadCount = onSlurm && !Given(parsed, threads) && parsed.GetValue(slurm.CpusPerTask) is int cpus ? cpus : parsed.GetValue(threads);
            var settings = new CompareSettings(parsed.GetValue(file)!, parsed.GetValue(output)!, [], ListOption.Seeds("--seeds", parsed.GetValue(seeds)!),
                parsed.GetValue(epochs), parsed.GetValue(labels), PassThrough(parsed, passed), threadCount, parsed.GetValue(jobs));
            var model = passed.OfType<Option<string?>>().Single(o => o.Name == "--model");
            if (CompareCheck.Variants(settings.File, parsed.GetValue(model), parsed.GetValue(guides), parsed.GetValue(infer), terminal) is not { } variants)
                return ExitCodes.ModelErrors;
            settings = settings with { Variants = variants };
            return onSlurm
                ? SlurmCompare.Execute(settings, slurm.JobOptions(parsed), terminal, slurmAccess)
                : CompareRun.Execute(settings, new LocalProcessLauncher(settings.Jobs), terminal);
        }));
        return command;
    }

    private static bool Given(ParseResult parsed, Option option) => parsed.GetResult(option) is System.CommandLine.Parsing.OptionResult { Implicit: false };

    /// <summary>The train options given on the command line, as tokens, grouped per option and sorted by its name.</summary>
    private static IReadOnlyList<string> PassThrough(ParseResult parsed, IEnumerable<Option> options) =>
        options
            .Select(parsed.GetResult)
            .OfType<System.CommandLine.Parsing.OptionResult>()
            .Where(result => !result.Implicit)
            .OrderBy(result => result.Option.Name, System.StringComparer.Ordinal)
            .SelectMany(result => result.Tokens.Select(t => t.Value).Prepend(result.Option.Name))
            .ToList();
}
