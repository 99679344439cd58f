using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>Everything a comparison directory holds so far, grouped by variant in the order the runs were asked for.</summary>
internal sealed record ComparisonResults(ComparisonManifest Manifest, IReadOnlyList<VariantResults> Variants)
{
    /// <exception cref="UserError">The directory holds no comparison.</exception>
    public static ComparisonResults Read(string directory)
    {
        var manifest = ComparisonManifest.Read(directory)
            ?? throw new UserError($"{directory}: no {ComparisonManifest.FileName} here; give the --out directory of a probdsl compare.");
        var runs = manifest.Runs.Select(run => RunRecord.Read(directory, run)).ToList();
        var variants = runs.GroupBy(r => r.Run.Variant).Select(g => new VariantResults(g.Key, g.OrderBy(r => r.Run.Seed).ToList())).ToList();
        return new ComparisonResults(manifest, variants);
    }

    public IEnumerable<RunRecord> Runs => Variants.SelectMany(v => v.Runs);
}

/// <summary>The runs of one variant, one per seed.</summary>
internal sealed record VariantResults(Variant Variant, IReadOnlyList<RunRecord> Runs)
{
    public Spread Final(Measure measure) => measure.Over(Runs);

    /// <summary>Mean and spread over seeds at every epoch some run has reached with a value (a learning curve).</summary>
    public IReadOnlyList<(int Epoch, Spread Value)> Curve(System.Func<EpochRecord, double?> value) =>
        Runs.SelectMany(r => r.Epochs)
            .Where(e => value(e) is not null)
            .GroupBy(e => e.Epoch)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Spread.Of(g.Select(e => value(e)!.Value))))
            .ToList();
}
