using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// A comparison as the command line chose it: every variant (guide × estimator) with every seed, the settings all
/// runs share, and how to run them. <paramref name="PassThrough"/> holds the other <c>probdsl train</c> options as
/// tokens (<c>--data mnist --batch-size 100</c>), sorted by option name so that the order they were typed in does
/// not make a different comparison.
/// </summary>
internal sealed record CompareSettings(
    string File,
    string OutDirectory,
    IReadOnlyList<Variant> Variants,
    IReadOnlyList<int> Seeds,
    int Epochs,
    int Labels,
    IReadOnlyList<string> PassThrough,
    int Threads,
    int Jobs)
{
    public IEnumerable<(Variant Variant, int Seed)> Runs =>
        Seeds.SelectMany(seed => Variants.Select(variant => (variant, seed)));
}
