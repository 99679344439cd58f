using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Training;

/// <summary>
/// <c>gradient-variance.json</c> in a run's directory: every measurement of the guide's gradient variance so far, one
/// per step, rewritten (atomically) after each. A resumed run keeps the measurements of its earlier attempts; a
/// fresh run starts the file afresh.
/// </summary>
internal sealed class GradientVarianceFile
{
    public const string FileName = "gradient-variance.json";

    private readonly string _path;
    private readonly List<GradientVarianceRow> _rows;

    private GradientVarianceFile(string path, List<GradientVarianceRow> rows)
    {
        _path = path;
        _rows = rows;
    }

    public static GradientVarianceFile Start(string directory, bool resumed)
    {
        var path = Path.Combine(directory, FileName);
        var rows = resumed ? Read(directory).ToList() : [];
        if (!resumed && File.Exists(path))
            File.Delete(path);
        return new GradientVarianceFile(path, rows);
    }

    public void Add(GradientVarianceReport report)
    {
        _rows.RemoveAll(r => r.Step == report.Step);
        _rows.Add(new GradientVarianceRow(report.Step, report.Epoch, report.EndOfEpoch, report.Minibatches, report.Parameters,
            report.TotalVariance, report.MeanGradientSquaredNorm, double.IsFinite(report.Ratio) ? report.Ratio : null));
        _rows.Sort((a, b) => a.Step.CompareTo(b.Step));
        File.WriteAllText(_path + ".tmp", JsonSerializer.Serialize(new { measurements = _rows }, Options));
        File.Move(_path + ".tmp", _path, overwrite: true);
    }

    /// <summary>The measurements in a run directory; none when there is no (readable) file.</summary>
    public static IReadOnlyList<GradientVarianceRow> Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            return [];
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("measurements").Deserialize<GradientVarianceRow[]>(Options) ?? [];
        }
        catch (System.Exception e) when (e is JsonException or KeyNotFoundException)
        {
            return [];
        }
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

/// <summary>One measurement as written: see <see cref="GradientVarianceReport"/>. The ratio is null for a zero mean gradient.</summary>
internal sealed record GradientVarianceRow(long Step, int Epoch, bool EndOfEpoch, int Minibatches, long Parameters,
    double TotalVariance, double MeanGradientSquaredNorm, double? Ratio);
