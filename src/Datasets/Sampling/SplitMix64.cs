namespace ProbDsl.Datasets;

/// <summary>
/// A tiny, fully specified PRNG (Steele, Lea and Flood's SplitMix64). Used for data subsets instead of
/// System.Random, whose algorithm is an implementation detail that may change between .NET versions: a
/// "100 labels, seed 0" experiment must pick the same 100 images everywhere, forever.
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Fisher–Yates shuffle in place with an unbiased bounded draw.</summary>
    public void Shuffle(int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)Below((ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Uniform in [0, bound): rejection sampling, since a plain modulo favours small values.</summary>
    public ulong Below(ulong bound)
    {
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong value;
        do
            value = Next();
        while (value >= limit);
        return value % bound;
    }
}
