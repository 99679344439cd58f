using System.Text;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// One thing being compared: a guide trained with one estimator for the discrete variable (<paramref name="Infer"/>,
/// <c>NAME=STRATEGY</c> as <c>probdsl train --infer</c> takes it; null for what the file declares).
/// </summary>
internal sealed record Variant(string Guide, string? Infer)
{
    /// <summary>The estimator part of the name: <c>relax(hard)</c> becomes <c>relax-hard</c>, so it can name a directory.</summary>
    public string InferLabel => Infer is null ? "declared" : Sanitise(Infer[(Infer.IndexOf('=') + 1)..]);

    /// <summary>The strategy as written (<c>relax(hard)</c>), or <c>declared</c> for the file's own.</summary>
    public string Estimator => Infer is null ? "declared" : Infer[(Infer.IndexOf('=') + 1)..].Trim();

    /// <summary>How the report shows it: <c>Structured / relax(hard)</c>.</summary>
    public string Title => $"{Guide} / {Estimator}";

    public string RunName(int seed) => $"{Guide}-{InferLabel}-seed{seed}";

    /// <summary>Letters, digits and dots kept; every other run of characters becomes one dash.</summary>
    private static string Sanitise(string text)
    {
        var name = new StringBuilder();
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
                name.Append(c);
            else if (name.Length > 0 && name[^1] != '-')
                name.Append('-');
        }
        return name.ToString().TrimEnd('-');
    }
}
