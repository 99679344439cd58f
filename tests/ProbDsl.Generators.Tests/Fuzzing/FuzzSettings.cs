using System;
using System.Globalization;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// How long or how much one fuzz test runs. A normal test run spends a few seconds per input kind; the environment
/// turns it into a long run: PROBDSL_FUZZ_SECONDS (seconds per kind), PROBDSL_FUZZ_INPUTS (exactly this many inputs
/// per kind, whatever the time), PROBDSL_FUZZ_SEED (to replay a run), PROBDSL_FUZZ_FINDINGS (a directory that
/// receives one file per input kind listing each distinct finding with its first input), PROBDSL_FUZZ_WORKERS
/// (inputs run at once; 1 by default, the machine is shared).
/// </summary>
internal sealed record FuzzSettings(double Seconds, long? Inputs, int Seed, string? FindingsDirectory, int Workers)
{
    /// <summary>The whole per-input bound: an input that takes longer is reported as a hang.</summary>
    public static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);

    /// <summary>At most this share of the run compiles generated code (Roslyn compiles are ~100× slower than generating).</summary>
    public const double CompileShare = 0.25;

    public static FuzzSettings FromEnvironment(double defaultSeconds) => new(
        Number("PROBDSL_FUZZ_SECONDS") ?? defaultSeconds,
        Number("PROBDSL_FUZZ_INPUTS") is { } inputs ? (long)inputs : null,
        Number("PROBDSL_FUZZ_SEED") is { } seed ? (int)seed : Environment.TickCount,
        Environment.GetEnvironmentVariable("PROBDSL_FUZZ_FINDINGS"),
        Number("PROBDSL_FUZZ_WORKERS") is { } workers ? Math.Max(1, (int)workers) : 1);

    /// <summary>
    /// A timed run goes on past its seconds until this many inputs ran: on a loaded machine (CI shares 2 cores) a
    /// fixed budget can end with too few inputs to mean anything, and the test would fail for the load, not a bug.
    /// </summary>
    public const long MinimumInputs = 50;

    public bool Done(long inputs, TimeSpan elapsed) =>
        Inputs is { } count ? inputs >= count : elapsed.TotalSeconds >= Seconds && inputs >= MinimumInputs;

    private static double? Number(string variable) =>
        double.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
