using System.CommandLine;
using ProbDsl.Examples.Common;
using ProbDsl.Inference.Training;

namespace ProbDsl.Examples.Hvae;

/// <summary>
/// The example's command line; every option is validated with a message that names it. Defaults are
/// <see cref="TrainingOptions"/>' but for the batch size, which this example sets, explicitly, in <see cref="Defaults"/>.
/// </summary>
internal sealed class HvaeOptions
{
    /// <summary>Batches of 100 images (no labelled half): the batch the README's hierarchical-VAE numbers were measured with.</summary>
    public static readonly TrainingOptions Defaults = new() { BatchSize = 100 };

    private readonly Option<int> _epochs = new("--epochs") { Description = "Passes over the 60,000 training images.", DefaultValueFactory = _ => Defaults.Epochs };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Images per step.", DefaultValueFactory = _ => Defaults.BatchSize };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Adam learning rate.", DefaultValueFactory = _ => Defaults.LearningRate };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed for initialisation, sampling, binarisation and shuffling.", DefaultValueFactory = _ => Defaults.Seed };
    private readonly Option<int> _threads = ThreadsOption.Create();
    private readonly Option<string?> _dataDir = DataDirOption.Create();
    private readonly CheckpointOptions _checkpoints = new();

    public void AddTo(RootCommand root)
    {
        foreach (var option in (Option[])[_epochs, _batchSize, _learningRate, _seed, _threads, _dataDir, .. _checkpoints.All])
            root.Options.Add(option);
        OptionRules.Positive(_epochs);
        SizeRules.BatchSize(_batchSize);
        OptionRules.PositiveFinite(_learningRate);
        _checkpoints.AddValidators();
    }

    public HvaeSettings Read(ParseResult parsed) => new(
        parsed.GetValue(_threads), parsed.GetValue(_dataDir),
        _checkpoints.Read(parsed).ApplyTo(Defaults with
        {
            Epochs = parsed.GetValue(_epochs), BatchSize = parsed.GetValue(_batchSize), LearningRate = parsed.GetValue(_learningRate),
            Seed = parsed.GetValue(_seed), DataDescription = "MNIST, pixels Dynamic",
        }));
}

/// <summary>The run the command line chose: the machine, where MNIST is, and the training options.</summary>
internal sealed record HvaeSettings(int Threads, string? DataDir, TrainingOptions Training);
