using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The settings that change a run's numbers, by readable name: a checkpoint records them and a resumed run must
/// match them, or it would silently continue a different experiment. The number of epochs may differ (a run can be
/// extended), and so may where and how often checkpoints are written.
/// </summary>
internal static class RunSettings
{
    public static SortedDictionary<string, string> Of(TrainingOptions options, IEnumerable<KeyValuePair<string, string>> trainerSettings)
    {
        var settings = new SortedDictionary<string, string>
        {
            ["batch size"] = Text(options.BatchSize),
            ["labelled batch size"] = Text(options.LabelledBatchSize),
            ["labelled schedule"] = options.LabelledSchedule.ToString(),
            ["learning rate"] = Text(options.LearningRate),
            ["seed"] = Text(options.Seed),
            ["non-finite loss"] = options.NonFiniteLoss.ToString(),
            ["data"] = options.DataDescription ?? "(not described)",
            // Evaluation draws from the global generator too, so when the exact test ELBO is computed changes every later draw.
            ["exact test ELBO every"] = Text(options.ElboEvery),
        };
        foreach (var (name, value) in trainerSettings)
            settings[name] = value;
        return settings;
    }

    /// <returns>Each difference as "name: checkpoint A, this run B"; empty when the runs match.</returns>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> saved, IReadOnlyDictionary<string, string> now) =>
        saved.Keys.Union(now.Keys).Order()
            .Where(name => saved.GetValueOrDefault(name) != now.GetValueOrDefault(name))
            .Select(name => $"{name}: checkpoint {saved.GetValueOrDefault(name) ?? "(none)"}, this run {now.GetValueOrDefault(name) ?? "(none)"}")
            .ToList();

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
