using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// <c>DIR/compare.json</c>: what a comparison directory holds — the model file's SHA-256 and the settings every run
/// shares (which must not change between invocations on the same directory, or the runs would not compare), and
/// every run so far. A later invocation may add guides, estimators or seeds; the report covers all of them.
/// </summary>
internal sealed record ComparisonManifest(string File, string FileSha256, int Epochs, int Labels, IReadOnlyList<string> TrainOptions, IReadOnlyList<ManifestRun> Runs)
{
    public const string FileName = "compare.json";

    public static ComparisonManifest Of(CompareSettings settings) => new(
        settings.File, Sha256(settings.File), settings.Epochs, settings.Labels, settings.PassThrough,
        settings.Runs.Select(r => new ManifestRun(r.Variant.RunName(r.Seed), r.Variant.Guide, r.Variant.Infer, r.Seed)).ToList());

    /// <returns>Null when the directory holds no comparison yet.</returns>
    /// <exception cref="UserError">The file is there but unreadable.</exception>
    public static ComparisonManifest? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!System.IO.File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<ComparisonManifest>(System.IO.File.ReadAllText(path), JsonOptions)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new UserError($"{path}: not a comparison manifest ({e.Message}); give another --out, or delete the file.");
        }
    }

    public void Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        System.IO.File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, JsonOptions));
        System.IO.File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>This comparison joined with the one already in the directory: the same shared settings, the union of the runs.</summary>
    /// <exception cref="UserError">The shared settings differ (listed), or a run name means another variant there.</exception>
    public ComparisonManifest JoinedWith(ComparisonManifest existing, string directory)
    {
        var differences = Differences(existing).ToList();
        if (differences.Count > 0)
            throw new UserError($"--out {directory}: holds a comparison with other settings ({string.Join("; ", differences)}). " +
                "Its runs would not compare with these: give another --out, or repeat its settings.");
        var runs = existing.Runs.ToList();
        foreach (var run in Runs)
        {
            var known = runs.FirstOrDefault(r => r.Name == run.Name);
            if (known is null)
                runs.Add(run);
            else if (known != run)
                throw new UserError($"--out {directory}: its run {run.Name} trained guide {known.Guide} with {known.Infer ?? "the declared estimator"}, " +
                    $"not {run.Guide} with {run.Infer ?? "the declared estimator"}; give another --out.");
        }
        return this with { Runs = runs };
    }

    private IEnumerable<string> Differences(ComparisonManifest there)
    {
        if (there.FileSha256 != FileSha256)
            yield return $"model file {there.File} with SHA-256 {there.FileSha256[..12]}… there, {File} with {FileSha256[..12]}… here";
        if (there.Epochs != Epochs)
            yield return $"--epochs {there.Epochs} there, {Epochs} here";
        if (there.Labels != Labels)
            yield return $"--labels {there.Labels} there, {Labels} here";
        if (!there.TrainOptions.SequenceEqual(TrainOptions))
            yield return $"train options '{string.Join(" ", there.TrainOptions)}' there, '{string.Join(" ", TrainOptions)}' here";
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(path)));

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

/// <summary>One run of a comparison: its name (and directory under <c>runs/</c>), guide, estimator and seed.</summary>
internal sealed record ManifestRun(string Name, string Guide, string? Infer, int Seed)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Variant Variant => new(Guide, Infer);
}
