using System.CommandLine;
using ProbDsl.Cli.Data;
using ProbDsl.Cli.Training;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Commands;

/// <summary>
/// <c>probdsl train FILE --guide G --data …</c>. Defaults are <see cref="TrainingOptions"/>'s, the runtime's one
/// home for them (read here, not repeated), except --threads (1, as every example: it degrades gracefully on a
/// shared machine) and --labelled (100, the examples' default).
/// </summary>
internal static class TrainCommand
{
    private static readonly TrainingOptions Defaults = new();

    public static Command Create(Terminal terminal)
    {
        var common = new CommonOptions();
        var data = new Option<string>("--data") { Description = "mnist (built in, fetched and cached on first use) or NAME=FILE: the model's data variable bound to a .npy, .npz, .csv or IDX file of one row per example.", Required = true };
        var label = new Option<string?>("--label") { Description = "NAME=FILE: the label's class indices (0..K-1), one per data row; needed for a model with a label, unless --data mnist." };
        var labelled = new Option<int>("--labelled") { Description = "How many training rows keep their label (MNIST: balanced, a multiple of 10).", DefaultValueFactory = _ => 100 };
        var testSize = new Option<int?>("--test-size") { Description = "Rows of your data held out for testing, drawn with the seed (default: a tenth). MNIST uses its own test set." };
        var trainLimit = new Option<int?>("--train-limit") { Description = "Use only this many unlabelled (or, without a label, training) rows: for quick runs." };
        var testLimit = new Option<int?>("--test-limit") { Description = "Evaluate on only this many test rows: for quick runs." };
        var divideBy = new Option<double>("--divide-by") { Description = "Divide the data by this number before use, e.g. 255 for 8-bit pixels bound to a Bernoulli variable.", DefaultValueFactory = _ => 1 };
        var dataDir = new Option<string?>("--data-dir") { Description = "With --data mnist: a directory holding the four MNIST IDX files, instead of the user cache." };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the unlabelled (training) data.", DefaultValueFactory = _ => Defaults.Epochs };
        var batchSize = new Option<int>("--batch-size") { Description = "Unlabelled (training) examples per step.", DefaultValueFactory = _ => Defaults.BatchSize };
        var labelledBatchSize = new Option<int>("--labelled-batch-size") { Description = "Labelled examples per step, cycled.", DefaultValueFactory = _ => Defaults.LabelledBatchSize };
        var learningRate = new Option<double>("--learning-rate") { Description = "Adam's learning rate.", DefaultValueFactory = _ => Defaults.LearningRate };
        var alpha = new Option<double?>("--alpha") { Description = "Overrides the alpha declared in the file's objective." };
        var seed = new Option<int>("--seed") { Description = "Seed for the split, the initial weights, sampling and shuffling.", DefaultValueFactory = _ => Defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "libtorch CPU threads. Default 1: two are faster on an idle 2-core machine but 10-25x slower when anything else runs.", DefaultValueFactory = _ => 1 };
        var infer = new Option<string?>("--infer") { Description = "NAME=STRATEGY: estimate a discrete variable otherwise than the file declares, in the language's syntax: y=enumerate, y=relax, y=relax(tau: 1.0 -> 0.5, hard), y=reinforce(baseline: learned)." };
        var stack = new Option<string?>("--stack") { Description = "MODEL: train MODEL of the same file first, on the data without labels (an objective elbo model with one continuous latent h, q(h|x) a Normal: Kingma et al.'s M1), then --model on its code: each batch a fresh draw of q(h|x), test rows its mean (M1+M2). --model's data must be Normal of h's size." };
        var stackEpochs = new Option<int>("--stack-epochs") { Description = "With --stack: epochs of the lower model.", DefaultValueFactory = _ => 30 };
        var output = new Option<string?>("--out") { Description = "Directory for epochs.csv, run.json and the checkpoint model.bin (default probdsl-runs/MODEL-GUIDE)." };
        var run = new RunControlOptions();

        var command = new Command("train", "Compile a model in memory with the generator's emitter and train one of its guides.");
        common.AddTo(command, withModelAndGuide: true);
        foreach (var option in new Option[] { data, label, labelled, testSize, trainLimit, testLimit, divideBy, dataDir, epochs, batchSize, labelledBatchSize, learningRate, alpha, seed, threads, infer, stack, stackEpochs, output })
            command.Options.Add(option);
        run.AddTo(command);
        OptionRules.Positive(labelled, epochs, batchSize, labelledBatchSize, threads, stackEpochs);
        OptionRules.Positive(testSize, trainLimit, testLimit);
        OptionRules.PositiveNumber(learningRate);
        OptionRules.PositiveNumber(divideBy);
        OptionRules.NonNegativeNumber(alpha);

        command.SetAction(parsed => CliApp.Guard(terminal, () =>
        {
            if (parsed.GetValue(run.StopWithParent))
                ParentWatch.Start(terminal);
            var request = new DataRequest(parsed.GetValue(data)!, parsed.GetValue(label), parsed.GetValue(labelled), parsed.GetValue(testSize),
                parsed.GetValue(trainLimit), parsed.GetValue(testLimit), parsed.GetValue(dataDir), parsed.GetValue(seed), parsed.GetValue(divideBy));
            var options = Defaults with
            {
                Epochs = parsed.GetValue(epochs), BatchSize = parsed.GetValue(batchSize), LabelledBatchSize = parsed.GetValue(labelledBatchSize),
                LearningRate = parsed.GetValue(learningRate), Alpha = parsed.GetValue(alpha), Seed = parsed.GetValue(seed),
            };
            options = run.Apply(parsed, options);
            var settings = new TrainSettings(parsed.GetValue(common.File)!, parsed.GetValue(common.Model), parsed.GetValue(common.Guide),
                !parsed.GetValue(common.NoHoisting), parsed.GetValue(infer), request, options, parsed.GetValue(threads), parsed.GetValue(output),
                parsed.GetValue(run.StepLines),
                parsed.GetValue(run.GradientVarianceAt) is { } at ? GradientVarianceSteps.Parse(at, out _) : null,
                parsed.GetValue(stack) is { } lower ? new StackRequest(lower, parsed.GetValue(stackEpochs)) : null);
            return TrainRun.Execute(settings, terminal) is null ? ExitCodes.ModelErrors : ExitCodes.Success;
        }));
        return command;
    }
}
