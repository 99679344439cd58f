using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Training;

/// <summary>
/// The run's results in its output directory, rewritten after every epoch so an interrupted run keeps what it
/// finished: <c>epochs.csv</c> (one row per epoch) and <c>run.json</c> (the run's settings and the same rows).
/// Each file is written to a temporary name and moved into place, so a reader never sees half a file.
/// </summary>
internal sealed class RunResults
{
    private readonly string _directory;
    private readonly RunHeader _header;
    private readonly List<EpochReport> _epochs = new();

    public RunResults(string directory, RunHeader header)
    {
        _directory = directory;
        _header = header;
    }

    public const string CsvFile = "epochs.csv";
    public const string JsonFile = "run.json";
    public const string CheckpointFile = "model.bin";

    public void Add(EpochReport report)
    {
        _epochs.Add(report);
        Write(CsvFile, Csv());
        Write(JsonFile, Json());
    }

    private string Csv()
    {
        var text = new StringBuilder("epoch,train_loss,test_elbo,test_error,seconds,steps_per_second,temperature,skipped_steps\n");
        foreach (var r in _epochs)
            text.AppendLine(string.Join(",", r.Epoch.ToString(CultureInfo.InvariantCulture), Number(r.TrainLoss), Number(r.TestElbo),
                Number(r.TestError), Number(r.Seconds), Number(r.StepsPerSecond), Number(r.Temperature), r.SkippedSteps.ToString(CultureInfo.InvariantCulture)));
        return text.ToString();
    }

    private string Json()
    {
        var epochs = _epochs.Select(r => new EpochRow(r.Epoch, Finite(r.TrainLoss), Finite(r.TestElbo), Finite(r.TestError),
            r.Seconds, r.StepsPerSecond, r.Temperature, r.SkippedSteps));
        return JsonSerializer.Serialize(new { run = _header, epochs }, JsonOptions);
    }

    /// <summary>Round-trip precision: the files are for comparing runs, not for reading by eye.</summary>
    private static string Number(double? value) =>
        value is double v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>JSON has no NaN: a missing number (no test error without a label) is null.</summary>
    private static double? Finite(double? value) => value is double v && double.IsFinite(v) ? v : null;

    private void Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private sealed record EpochRow(int Epoch, double? TrainLoss, double? TestElbo, double? TestError, double Seconds, double StepsPerSecond, double? Temperature, int SkippedSteps);
}

/// <summary>What a results file records about its run, so that it can be reproduced.</summary>
internal sealed record RunHeader(
    string File, string Model, string Guide, bool Hoisting, string? Infer, string Data, int Epochs, int BatchSize, int LabelledBatchSize,
    double LearningRate, int Seed, double? Alpha, int Threads, string Checkpoint);
