using System.Collections.Generic;
using System.CommandLine;
using ProbDsl.Datasets;
using ProbDsl.Inference.Training;
using TorchSharp;

namespace ProbDsl.Examples.Common;

/// <summary>
/// The command line every semi-supervised MNIST example shares (labels, batches, seed, threads, data, objective
/// and optimiser); each example adds its own choice of model. Every option is validated with a message that names it.
/// The training defaults are <see cref="TrainingOptions"/>' (read here, never repeated); the data's (labels, pixels)
/// and --threads are the examples' own.
/// </summary>
public sealed class SemiSupervisedOptions
{
    private static readonly TrainingOptions Defaults = new();

    private static readonly Dictionary<string, PixelEncoding> PixelEncodings = new()
    {
        ["dynamic"] = PixelEncoding.Dynamic,
        ["threshold"] = PixelEncoding.Binarized,
        ["intensity"] = PixelEncoding.Intensity,
    };

    private static readonly Dictionary<string, LabelledSchedule> Schedules = new()
    {
        ["every-step"] = LabelledSchedule.EveryStep,
        ["interleaved"] = LabelledSchedule.Interleaved,
    };

    private readonly Option<int> _labels = new("--labels") { Description = "Labelled training examples, balanced over the 10 classes (a multiple of 10).", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _epochs = new("--epochs") { Description = "Passes over the unlabelled data.", DefaultValueFactory = _ => Defaults.Epochs };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Unlabelled examples per step.", DefaultValueFactory = _ => Defaults.BatchSize };
    private readonly Option<int> _labelledBatchSize = new("--labelled-batch-size") { Description = "Labelled examples per step (cycled).", DefaultValueFactory = _ => Defaults.LabelledBatchSize };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed for the labelled subset, initialisation, sampling and shuffling.", DefaultValueFactory = _ => Defaults.Seed };
    private readonly Option<int> _threads = ThreadsOption.Create();
    private readonly ChoiceOption<DeviceType> _device = new("--device", "cpu or cuda.", Devices.Names, DeviceType.CPU);
    private readonly Option<string?> _dataDir = DataDirOption.Create();
    private readonly Option<double?> _alpha;
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Adam learning rate.", DefaultValueFactory = _ => Defaults.LearningRate };
    private readonly ChoiceOption<PixelEncoding> _pixels = new("--pixels",
        "How pixels become Bernoulli data: dynamic (a fresh binary draw of each training image every time it is used; test images thresholded at 0.5), threshold (at 0.5, fixed), or intensity (soft targets in [0, 1]).",
        PixelEncodings, PixelEncoding.Dynamic);
    private readonly ChoiceOption<LabelledSchedule> _schedule = new("--labelled-schedule",
        "every-step (each step: one labelled and one unlabelled batch) or interleaved (labelled batches are steps of their own, one pass over the labelled set per epoch, as in Pyro's SS-VAE). Same objective in expectation.",
        Schedules, Defaults.LabelledSchedule);
    private readonly CheckpointOptions _checkpoints = new();
    private readonly Option<int> _elboEvery = new("--elbo-every")
    {
        Description = "Compute the exact test ELBO (all classes enumerated, ~2 s on MNIST) every N epochs and after the last; other epochs report the classifier's test error only (~0.1 s).",
        DefaultValueFactory = _ => Defaults.ElboEvery,
    };

    /// <param name="modelFile">The .pdsl file whose declared alpha --alpha overrides, for the help text.</param>
    public SemiSupervisedOptions(string modelFile) =>
        _alpha = new Option<double?>("--alpha") { Description = $"Overrides the alpha of the objective in {modelFile}." };

    /// <summary>--learning-rate, for an example whose models differ in their default (it may amend the description).</summary>
    public Option<double> LearningRate => _learningRate;

    /// <summary>Adds the shared options to <paramref name="root"/>, the example's own (its choice of model) listed after --data-dir.</summary>
    public void AddTo(RootCommand root, params Option[] exampleOptions)
    {
        Option[] before = { _labels, _epochs, _batchSize, _labelledBatchSize, _seed, _threads, _device.Option, _dataDir };
        Option[] after = [_alpha, _learningRate, _schedule.Option, _pixels.Option, _elboEvery, .. _checkpoints.All];
        foreach (var option in before)
            root.Options.Add(option);
        foreach (var option in exampleOptions)
            root.Options.Add(option);
        foreach (var option in after)
            root.Options.Add(option);
        Validate();
    }

    private void Validate()
    {
        OptionRules.Positive(_epochs, _elboEvery);
        SizeRules.BatchSize(_batchSize, _labelledBatchSize);
        _checkpoints.AddValidators();
        OptionRules.Check(_labels, value => value <= 0 || value % 10 != 0 || value > 60_000
            ? $"--labels must be a positive multiple of 10 (one tenth per class), at most 60000; got {value}." : null);
        OptionRules.PositiveFinite(_learningRate);
        OptionRules.NonNegativeFinite(_alpha);
    }

    /// <summary>The command line's choices: the training options straight into <see cref="TrainingOptions"/> (no settings record in between).</summary>
    public SemiSupervisedSettings Read(ParseResult parsed)
    {
        var labels = parsed.GetValue(_labels);
        var pixels = _pixels.Read(parsed);
        var training = _checkpoints.Read(parsed).ApplyTo(Defaults with
        {
            Epochs = parsed.GetValue(_epochs), BatchSize = parsed.GetValue(_batchSize), LabelledBatchSize = parsed.GetValue(_labelledBatchSize),
            LearningRate = parsed.GetValue(_learningRate), Seed = parsed.GetValue(_seed), Alpha = parsed.GetValue(_alpha),
            ElboEvery = parsed.GetValue(_elboEvery), LabelledSchedule = _schedule.Read(parsed),
            DataDescription = InvariantText.Of($"{labels} labels, pixels {pixels}"),
        });
        return new SemiSupervisedSettings(labels, parsed.GetValue(_threads), _device.Read(parsed), parsed.GetValue(_dataDir), pixels, training);
    }
}

/// <summary>
/// A semi-supervised run as the command line chose it: the data (labels, pixels, where MNIST is), the machine
/// (threads, device: applied to <see cref="Training"/> when the run starts) and the training options.
/// </summary>
public sealed record SemiSupervisedSettings(int Labels, int Threads, DeviceType Device, string? DataDir, PixelEncoding Pixels, TrainingOptions Training);
