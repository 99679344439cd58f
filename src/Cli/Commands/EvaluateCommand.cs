using System;
using System.CommandLine;
using System.Globalization;
using ProbDsl.Cli.Data;
using ProbDsl.Cli.Training;
using ProbDsl.Inference.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Commands;

/// <summary>
/// <c>probdsl evaluate FILE --guide G --checkpoint PATH --data …</c>: the exact test ELBO (y enumerated) and the test
/// error of a checkpoint <c>probdsl train</c> wrote, on the test split the same data options and seed give —
/// pass train's own --data, --label, --test-size, --test-limit, --seed (and --divide-by, --data-dir).
/// </summary>
internal static class EvaluateCommand
{
    private static readonly TrainingOptions Defaults = new();

    public static Command Create(Terminal terminal)
    {
        var common = new CommonOptions();
        var checkpoint = new Option<string>("--checkpoint") { Description = "The checkpoint probdsl train wrote (model.bin in its --out directory).", Required = true };
        var data = new Option<string>("--data") { Description = "As given to probdsl train: mnist, or NAME=FILE.", Required = true };
        var label = new Option<string?>("--label") { Description = "As given to probdsl train: NAME=FILE of class indices." };
        var labelled = new Option<int>("--labelled") { Description = "As given to probdsl train (it must fit the data; the test split does not depend on it).", DefaultValueFactory = _ => 100 };
        var testSize = new Option<int?>("--test-size") { Description = "As given to probdsl train (default: a tenth of your rows; MNIST uses its own test set)." };
        var trainLimit = new Option<int?>("--train-limit") { Description = "As given to probdsl train." };
        var testLimit = new Option<int?>("--test-limit") { Description = "As given to probdsl train: evaluate on only this many test rows." };
        var divideBy = new Option<double>("--divide-by") { Description = "As given to probdsl train.", DefaultValueFactory = _ => 1 };
        var dataDir = new Option<string?>("--data-dir") { Description = "With --data mnist: a directory holding the four MNIST IDX files." };
        var seed = new Option<int>("--seed") { Description = "As given to probdsl train: it draws the split; it also seeds the draws of the continuous latents in the bound.", DefaultValueFactory = _ => Defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "libtorch CPU threads.", DefaultValueFactory = _ => 1 };
        var infer = new Option<string?>("--infer") { Description = "NAME=STRATEGY, as given to probdsl train (the test ELBO is the exact bound whatever the estimator)." };

        var command = new Command("evaluate", "Print the exact test ELBO and the test error of a checkpoint written by probdsl train.");
        common.AddTo(command, withModelAndGuide: true);
        foreach (var option in new Option[] { checkpoint, data, label, labelled, testSize, trainLimit, testLimit, divideBy, dataDir, seed, threads, infer })
            command.Options.Add(option);
        OptionRules.Positive(labelled, threads);
        OptionRules.Positive(testSize, trainLimit, testLimit);
        OptionRules.PositiveNumber(divideBy);

        command.SetAction(parsed => CliApp.Guard(terminal, () =>
        {
            torch.set_num_threads(parsed.GetValue(threads));
            var path = parsed.GetValue(checkpoint)!;
            using var trained = TrainedModel.Load(parsed.GetValue(common.File)!, parsed.GetValue(common.Model), parsed.GetValue(common.Guide),
                !parsed.GetValue(common.NoHoisting), parsed.GetValue(infer), path, terminal);
            if (trained is null)
                return ExitCodes.ModelErrors;
            var request = new DataRequest(parsed.GetValue(data)!, parsed.GetValue(label), parsed.GetValue(labelled), parsed.GetValue(testSize),
                parsed.GetValue(trainLimit), parsed.GetValue(testLimit), parsed.GetValue(dataDir), parsed.GetValue(seed), parsed.GetValue(divideBy));
            using var loaded = DataLoader.Load(request, trained.Data, message => terminal.Error.WriteLine(message));
            manual_seed(parsed.GetValue(seed));
            Report(trained, loaded, path, terminal);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Report(TrainedModel trained, TrainingData data, string path, Terminal terminal)
    {
        var output = terminal.Output;
        output.WriteLine($"model {trained.Model.Name}, guide {trained.Guide.Name}, checkpoint {path} ({trained.Reports.Count} epoch(s) trained)");
        output.WriteLine(data.Description);
        if (trained.SemiSupervised is { } model)
        {
            var test = data.RequireSemiSupervised().Test;
            var (elbo, error) = Evaluation.Evaluate(model, test, 1000, CPU);
            output.WriteLine(Invariant($"test rows: {test.Count}"));
            output.WriteLine(Invariant($"test ELBO: {elbo:R} nats per example (U(x), y enumerated exactly)"));
            output.WriteLine(Invariant($"test error: {error:R} ({100 * error:F2}%; accuracy {100 * (1 - error):F2}%)"));
        }
        else
        {
            var (_, test) = data.RequireUnsupervised();
            var elbo = Evaluation.MeanBound(trained.Unsupervised!.Bound, test, 1000, CPU);
            output.WriteLine(Invariant($"test rows: {test.Count}"));
            output.WriteLine(Invariant($"test ELBO: {elbo:R} nats per example"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
