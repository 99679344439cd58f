using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ProbDsl.Slurm.Tests;

/// <summary>
/// The single-node Slurm of tests/slurm/cluster.sh, started once for the tests that need it (a no-op when
/// .ci/run has started it already). Where the script reports "skipped" (exit 77: Slurm cannot be installed or
/// started here), <see cref="SkipReason"/> says why and those tests are skipped. Left running afterwards: .ci/run
/// stops it, and a developer may keep using it (tests/slurm/cluster.sh stop).
/// </summary>
public sealed class LocalCluster
{
    public const int SkippedExitCode = 77;

    public LocalCluster()
    {
        var script = Path.Combine(Paths.RepoRoot, "tests", "slurm", "cluster.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("start");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} start did not end within 8 minutes: {output.Result}{error.Result}");
        }

        var text = (output.Result + error.Result).Trim();
        StartOutput = text;
        if (process.ExitCode == SkippedExitCode)
        {
            SkipReason = text.Split('\n').LastOrDefault(l => l.StartsWith("skipped:", StringComparison.Ordinal)) ?? text;
            return;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} start failed (exit code {process.ExitCode}): {text}");
        }

        var conf = text.Split('\n').Select(l => l.Trim()).Select(l => l.IndexOf("SLURM_CONF=", StringComparison.Ordinal) is var i and >= 0 ? l[(i + "SLURM_CONF=".Length)..] : null)
            .LastOrDefault(c => c is not null) ?? throw new InvalidOperationException("cluster.sh start did not print SLURM_CONF: " + text);
        Environment = new Dictionary<string, string> { ["SLURM_CONF"] = conf };
    }

    /// <summary>Why the tests against a real Slurm are skipped, or null when the cluster is up.</summary>
    public string? SkipReason { get; }

    public string StartOutput { get; }

    /// <summary>What the clients need to find this cluster (SLURM_CONF), passed to every Slurm command the tests run.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>();
}

[CollectionDefinition(Name)]
public sealed class LocalClusterCollection : ICollectionFixture<LocalCluster>
{
    public const string Name = "local Slurm cluster";
}
