using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>One input and the oracles to run on it; <see cref="Input"/> is its text, to reproduce a finding.</summary>
internal sealed record FuzzCase(string Input, Func<IEnumerable<Finding>> Check);

/// <summary>A finding, how often it came up, and the first input that showed it.</summary>
internal sealed record FindingGroup(Finding First, string Input, long Count);

/// <summary>What a run found: new findings (<see cref="Findings"/>) and how often each known, open one came up.</summary>
internal sealed record FuzzReport(
    string Kind, long Inputs, TimeSpan Elapsed, TimeSpan Slowest, int Seed, IReadOnlyList<FindingGroup> Findings, IReadOnlyDictionary<string, long> Known)
{
    public string Summary =>
        $"fuzz {Kind}: {Inputs} inputs in {Elapsed.TotalSeconds:F1} s (slowest {Slowest.TotalSeconds:F2} s), seed {Seed}, {Findings.Count} distinct findings"
        + string.Concat(Known.Select(k => $"; known and open, {k.Value}×: {k.Key}"));

    /// <summary>Everything needed to fix and replay: each distinct finding, its count and its first input.</summary>
    public string Details => string.Join("\n\n", Findings.Select(f =>
        $"[{f.Count}×] {f.First.Signature}\n{f.First.Message}\n{f.First.Detail}\n--- first input ---\n{Truncate(f.Input)}"));

    private static string Truncate(string text) => Printable(text.Length <= 4000 ? text : text.Substring(0, 4000) + "\n…(truncated)");

    /// <summary>Control, format and surrogate characters as \uXXXX: a NUL or a lone surrogate would garble the log or the file.</summary>
    private static string Printable(string text) => string.Concat(text.Select(c =>
        c is '\n' || !(char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            ? c.ToString() : $"\\u{(int)c:X4}"));
}

/// <summary>
/// The fuzz loop: draws inputs until the budget is spent, runs each under a time bound (longer is a hang), and
/// groups what the oracles find instead of stopping at the first, so a long run lists every distinct finding.
/// With several workers (a long run on a multi-core machine), worker w draws from seed + w.
/// </summary>
internal static class FuzzRunner
{
    public static FuzzReport Run(string kind, FuzzSettings settings, Func<Random, FuzzCase> next)
    {
        var clock = Stopwatch.StartNew();
        var tally = new Tally();
        var workers = Enumerable.Range(0, settings.Workers)
            .Select(w => Task.Factory.StartNew(() => Work(new Random(settings.Seed + w), settings, next, clock, tally), TaskCreationOptions.LongRunning))
            .ToArray();
        Task.WaitAll(workers);
        var report = new FuzzReport(kind, tally.Inputs, clock.Elapsed, tally.Slowest, settings.Seed, tally.Groups.Values.ToList(), tally.Known);
        Save(report, settings.FindingsDirectory);
        return report;
    }

    private static void Work(Random random, FuzzSettings settings, Func<Random, FuzzCase> next, Stopwatch clock, Tally tally)
    {
        while (tally.Take(settings, clock.Elapsed))
        {
            var fuzzCase = next(random);
            var started = clock.Elapsed;
            var findings = Bounded(fuzzCase);
            tally.Add(fuzzCase, findings, clock.Elapsed - started);
        }
    }

    /// <summary>What the workers share: the input count, the slowest input, the findings by signature.</summary>
    private sealed class Tally
    {
        public long Inputs;
        public TimeSpan Slowest;
        public readonly Dictionary<string, FindingGroup> Groups = new();
        public readonly Dictionary<string, long> Known = new();

        public bool Take(FuzzSettings settings, TimeSpan elapsed)
        {
            lock (this)
            {
                if (settings.Done(Inputs, elapsed))
                    return false;
                Inputs++;
                return true;
            }
        }

        public void Add(FuzzCase fuzzCase, IReadOnlyList<Finding> findings, TimeSpan took)
        {
            lock (this)
            {
                Slowest = took > Slowest ? took : Slowest;
                foreach (var finding in findings)
                {
                    if (KnownFindings.Match(finding, fuzzCase.Input) is { } known)
                    {
                        Known[known.Name] = Known.TryGetValue(known.Name, out var count) ? count + 1 : 1;
                        continue;
                    }
                    Groups[finding.Signature] = Groups.TryGetValue(finding.Signature, out var group)
                        ? group with { Count = group.Count + 1 }
                        : new FindingGroup(finding, fuzzCase.Input, 1);
                }
            }
        }
    }

    private static IReadOnlyList<Finding> Bounded(FuzzCase fuzzCase)
    {
        var run = Task.Run(() => fuzzCase.Check().ToList());
        try
        {
            if (!run.Wait(FuzzSettings.PerInputLimit))
                return new[] { new Finding("hang", $"no result within {FuzzSettings.PerInputLimit.TotalSeconds} s") };
            return run.Result;
        }
        catch (AggregateException e)
        {
            // The generators never throw to the driver; this is the harness or an oracle, still worth a look.
            var cause = e.InnerException ?? e;
            return new[] { new Finding("exception in the run", $"{cause.GetType().Name}: {cause.Message}") };
        }
    }

    private static void Save(FuzzReport report, string? directory)
    {
        if (directory is null)
            return;
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"{report.Kind}.txt"), report.Summary + "\n\n" + report.Details + "\n");
    }
}
