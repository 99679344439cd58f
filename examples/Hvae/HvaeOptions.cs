using System.CommandLine;
using ProbDsl.Examples.Common;

namespace ProbDsl.Examples.Hvae;

/// <summary>The example's command line; every option is validated with a message that names it.</summary>
internal sealed class HvaeOptions
{
    private readonly Option<int> _epochs = new("--epochs") { Description = "Passes over the 60,000 training images.", DefaultValueFactory = _ => 10 };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Images per step.", DefaultValueFactory = _ => 100 };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed for initialisation, sampling, binarisation and shuffling.", DefaultValueFactory = _ => 0 };
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
        parsed.GetValue(_epochs), parsed.GetValue(_batchSize), parsed.GetValue(_learningRate), parsed.GetValue(_seed),
        parsed.GetValue(_threads), parsed.GetValue(_dataDir), _checkpoints.Read(parsed));
}

internal sealed record HvaeSettings(int Epochs, int BatchSize, double LearningRate, int Seed, int Threads, string? DataDir, CheckpointSettings Checkpoints);
