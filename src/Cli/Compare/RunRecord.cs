using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ProbDsl.Cli.Measures;
using ProbDsl.Cli.Training;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// What one run of a comparison has produced so far, read from its directory: the epochs of its <c>run.json</c> (none
/// when it has none), the measures its <c>probdsl train</c> wrote after the last epoch (<c>measures.json</c>; null
/// before that, or for a run that finished before train measured: <c>probdsl report</c> does not recompute them),
/// and its gradient-variance measurements so far.
/// </summary>
internal sealed record RunRecord(ManifestRun Run, RunState State, IReadOnlyList<EpochRecord> Epochs, string Directory,
    RunMeasures? Measures = null, IReadOnlyList<GradientVarianceRow>? GradientVariance = null)
{
    public bool Finished => State == RunState.Finished;

    public static RunRecord Read(string comparisonDirectory, ManifestRun run)
    {
        var directory = Path.Combine(comparisonDirectory, RunPlanner.RunsFolder, run.Name);
        return new RunRecord(run, RunPlanner.StateOf(directory), ReadEpochs(Path.Combine(directory, RunResults.JsonFile)), directory,
            RunMeasures.Read(directory), GradientVarianceFile.Read(directory));
    }

    /// <summary>Why a finished run has no value of a measure of <c>measures.json</c> (<paramref name="key"/> its JSON name), or null when it has one.</summary>
    public string? Unavailable(string key) =>
        Measures is null ? $"no {RunMeasures.FileName} (the run finished before probdsl train measured; train it again to measure)"
        : Measures.NotAvailable.GetValueOrDefault(key);

    private static IReadOnlyList<EpochRecord> ReadEpochs(string path)
    {
        if (!File.Exists(path))
            return [];
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("epochs").EnumerateArray().Select(EpochRecord.Of).ToList();
        }
        catch (System.Exception e) when (e is JsonException or KeyNotFoundException or System.InvalidOperationException)
        {
            return []; // written atomically, so damaged on disk: the report shows the run without epochs
        }
    }
}

/// <summary>One epoch's numbers as the report uses them.</summary>
/// <param name="TestElbo">The exact test ELBO, nats per example; null on epochs that did not compute it (<c>--elbo-every</c>).</param>
/// <param name="TestAccuracy">Null for a model without a label.</param>
internal sealed record EpochRecord(int Epoch, double? TestElbo, double? TestAccuracy, double Seconds)
{
    public static EpochRecord Of(JsonElement row) => new(
        row.GetProperty("epoch").GetInt32(),
        Number(row, "test_elbo"),
        Number(row, "test_error") is double error ? 1 - error : null,
        Number(row, "seconds") ?? double.NaN);

    private static double? Number(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
