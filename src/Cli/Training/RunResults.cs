using System;
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
    private bool _finished;

    public RunResults(string directory, RunHeader header)
    {
        _directory = directory;
        _header = header;
    }

    /// <summary>
    /// For a resumed run: starts from the rows the earlier attempts wrote to <c>run.json</c>. An epoch trained again
    /// (its row was written, its checkpoint was not) replaces its old row in <see cref="Add"/>.
    /// </summary>
    public static RunResults Continue(string directory, RunHeader header)
    {
        var results = new RunResults(directory, header);
        var path = Path.Combine(directory, JsonFile);
        if (!File.Exists(path))
            return results;
        try
        {
            results._epochs.AddRange(ReadEpochs(path));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            // Written atomically, so only damaged on disk: the rows come back from the checkpoint in Finish.
        }
        return results;
    }

    public const string CsvFile = "epochs.csv";
    public const string JsonFile = "run.json";
    public const string CheckpointFile = "model.bin";

    public void Add(EpochReport report)
    {
        _epochs.RemoveAll(r => r.Epoch >= report.Epoch);
        _epochs.Add(report);
        Write(CsvFile, Csv());
        Write(JsonFile, Json());
    }

    /// <summary>
    /// Rewrites both files with the trainer's own list of every epoch (exact even for the epochs of earlier attempts)
    /// and marks run.json <c>"finished": true</c>: the run trained all its epochs and will not be trained again.
    /// </summary>
    public void Finish(IReadOnlyList<EpochReport> all)
    {
        _epochs.Clear();
        _epochs.AddRange(all);
        _finished = true;
        Write(CsvFile, Csv());
        Write(JsonFile, Json());
    }

    /// <summary>Whether the run.json in <paramref name="directory"/> says its run finished.</summary>
    public static bool IsFinished(string directory)
    {
        var path = Path.Combine(directory, JsonFile);
        if (!File.Exists(path))
            return false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.TryGetProperty("finished", out var finished) && finished.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false; // written atomically, so only a file damaged on disk: train it again
        }
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
        return JsonSerializer.Serialize(new { run = _header, finished = _finished, epochs }, JsonOptions);
    }

    private static IEnumerable<EpochReport> ReadEpochs(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var rows = document.RootElement.GetProperty("epochs").Deserialize<EpochRow[]>(JsonOptions) ?? [];
        return rows.Select(r => new EpochReport(r.Epoch, r.TrainLoss ?? double.NaN, r.TestElbo, r.TestError ?? double.NaN, r.Seconds, r.StepsPerSecond)
        {
            Temperature = r.Temperature,
            SkippedSteps = r.SkippedSteps,
        }).ToList();
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
