using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProbDsl.Cli.Measures;

/// <summary>
/// <c>measures.json</c> of a run: what its trained model says about its latent space and its classes, computed by
/// <c>probdsl train</c> once after the last epoch on the first <see cref="Rows"/> test rows. A measure the model cannot
/// give is null, with the reason in <see cref="NotAvailable"/> under the measure's JSON name.
/// </summary>
internal sealed record RunMeasures
{
    public const string FileName = "measures.json";
    public const string ProjectionFile = "projection.csv";
    public const string SamplesFile = "samples.png";

    public int Rows { get; init; }

    /// <summary>The continuous latent measured (the guide's first), or null without one.</summary>
    public string? Latent { get; init; }

    public int LatentSize { get; init; }

    /// <summary>k-NN accuracy (k = <see cref="KnnAccuracy.DefaultK"/>) of E[z]: even rows the reference, odd rows classified.</summary>
    public double? KnnAccuracy { get; init; }

    /// <summary>Ross's k-NN estimate of I(E[z]; y), nats.</summary>
    public double? MutualInformation { get; init; }

    /// <summary>H(y) of the same rows, nats: the most I(z; y) can be.</summary>
    public double LabelEntropy { get; init; }

    /// <summary>Accuracy of argmax_y L(x, y).</summary>
    public double? GenerativeAccuracy { get; init; }

    /// <summary>Accuracy of argmax_y q(y|x) on the same rows.</summary>
    public double? GuideAccuracy { get; init; }

    /// <summary>Fractions of the variance of E[z] the two principal components explain; the points are in <see cref="ProjectionFile"/>.</summary>
    public double[]? ProjectionExplained { get; init; }

    /// <summary>Whether <see cref="SamplesFile"/> was written.</summary>
    public bool Samples { get; init; }

    public Dictionary<string, string> NotAvailable { get; init; } = new();

    public static string JsonName(string property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property);

    public void Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Options));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <returns>Null when the run has no (readable) measures file.</returns>
    public static RunMeasures? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<RunMeasures>(File.ReadAllText(path), Options);
        }
        catch (JsonException)
        {
            return null; // written atomically: only damaged on disk
        }
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
