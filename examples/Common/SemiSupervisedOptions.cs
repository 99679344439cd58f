using System.CommandLine;
using ProbDsl.Inference.Data;
using ProbDsl.Inference.Training;

namespace ProbDsl.Examples.Common;

/// <summary>
/// The command line every semi-supervised MNIST example shares (labels, batches, seed, threads, data, objective
/// and optimiser); each example adds its own choice of model. Every option is validated with a message that names it.
/// </summary>
public sealed class SemiSupervisedOptions
{
    private readonly Option<int> _labels = new("--labels") { Description = "Labelled training examples, balanced over the 10 classes (a multiple of 10).", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _epochs = new("--epochs") { Description = "Passes over the unlabelled data.", DefaultValueFactory = _ => 10 };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Unlabelled examples per step.", DefaultValueFactory = _ => 200 };
    private readonly Option<int> _labelledBatchSize = new("--labelled-batch-size") { Description = "Labelled examples per step (cycled).", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed for the labelled subset, initialisation, sampling and shuffling.", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _threads = ThreadsOption.Create();
    private readonly Option<string> _device = new("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
    private readonly Option<string?> _dataDir = DataDirOption.Create();
    private readonly Option<double?> _alpha;
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
    private readonly Option<string> _pixels = new("--pixels")
    {
        Description = "How pixels become Bernoulli data: dynamic (a fresh binary draw of each training image every time it is used; test images thresholded at 0.5), threshold (at 0.5, fixed), or intensity (soft targets in [0, 1]).",
        DefaultValueFactory = _ => "dynamic",
    };
    private readonly Option<string> _schedule = new("--labelled-schedule")
    {
        Description = "every-step (each step: one labelled and one unlabelled batch) or interleaved (labelled batches are steps of their own, one pass over the labelled set per epoch, as in Pyro's SS-VAE). Same objective in expectation.",
        DefaultValueFactory = _ => "every-step",
    };
    private readonly CheckpointOptions _checkpoints = new();
    private readonly Option<int> _elboEvery = new("--elbo-every")
    {
        Description = "Compute the exact test ELBO (all classes enumerated, ~2 s on MNIST) every N epochs and after the last; other epochs report the classifier's test error only (~0.1 s).",
        DefaultValueFactory = _ => 5,
    };

    /// <param name="modelFile">The .pdsl file whose declared alpha --alpha overrides, for the help text.</param>
    public SemiSupervisedOptions(string modelFile) =>
        _alpha = new Option<double?>("--alpha") { Description = $"Overrides the alpha of the objective in {modelFile}." };

    /// <summary>Adds the shared options to <paramref name="root"/>, the example's own (its choice of model) listed after --data-dir.</summary>
    public void AddTo(RootCommand root, params Option[] exampleOptions)
    {
        Option[] before = { _labels, _epochs, _batchSize, _labelledBatchSize, _seed, _threads, _device, _dataDir };
        Option[] after = [_alpha, _learningRate, _schedule, _pixels, _elboEvery, .. _checkpoints.All];
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
        _device.AcceptOnlyFromAmong("cpu", "cuda");
        _pixels.AcceptOnlyFromAmong("dynamic", "threshold", "intensity");
        _schedule.AcceptOnlyFromAmong("every-step", "interleaved");
        OptionRules.PositiveFinite(_learningRate);
        OptionRules.NonNegativeFinite(_alpha);
    }

    public SemiSupervisedSettings Read(ParseResult parsed) => new(
        parsed.GetValue(_labels), parsed.GetValue(_epochs), parsed.GetValue(_batchSize), parsed.GetValue(_labelledBatchSize),
        parsed.GetValue(_seed), parsed.GetValue(_threads), parsed.GetValue(_device)!, parsed.GetValue(_dataDir),
        parsed.GetValue(_alpha), parsed.GetValue(_learningRate), Pixels(parsed.GetValue(_pixels)!), _checkpoints.Read(parsed))
    {
        ElboEvery = parsed.GetValue(_elboEvery),
        Schedule = parsed.GetValue(_schedule) == "interleaved" ? LabelledSchedule.Interleaved : LabelledSchedule.EveryStep,
    };

    private static PixelEncoding Pixels(string name) => name switch
    {
        "threshold" => PixelEncoding.Binarized,
        "intensity" => PixelEncoding.Intensity,
        _ => PixelEncoding.Dynamic,
    };
}

/// <summary>A semi-supervised run as the command line chose it.</summary>
public sealed record SemiSupervisedSettings(
    int Labels, int Epochs, int BatchSize, int LabelledBatchSize, int Seed, int Threads, string Device,
    string? DataDir, double? Alpha, double LearningRate, PixelEncoding Pixels, CheckpointSettings Checkpoints)
{
    /// <summary>Every how many epochs the exact test ELBO is computed (always after the last).</summary>
    public int ElboEvery { get; init; } = 1;

    public LabelledSchedule Schedule { get; init; } = LabelledSchedule.EveryStep;
}
