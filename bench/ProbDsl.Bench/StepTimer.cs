using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace ProbDsl.Bench;

/// <summary>
/// Times several step functions side by side: warm-up, then rounds in which each contender runs once in turn,
/// so slow phases of a noisy machine hit every contender alike. Reports the median per contender.
/// </summary>
internal static class StepTimer
{
    public static IReadOnlyDictionary<string, double> MedianMilliseconds(IReadOnlyList<(string Name, Action Step)> contenders, int warmup, int rounds)
    {
        foreach (var (_, step) in contenders)
            for (var i = 0; i < warmup; i++)
                step();
        var samples = contenders.ToDictionary(c => c.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, step) in contenders)
            {
                var clock = Stopwatch.StartNew();
                step();
                samples[name].Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        return samples.ToDictionary(s => s.Key, s => Median(s.Value));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
