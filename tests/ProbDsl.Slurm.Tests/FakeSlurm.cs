using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Cli.Slurm;

namespace ProbDsl.Slurm.Tests;

/// <summary>
/// A scripted scheduler: sbatch answers a job id, each squeue call the next of the given outputs (the last one
/// repeated), sacct says accounting is disabled, as on the test cluster. Records every call.
/// </summary>
internal sealed class FakeSlurm(string jobId, params string[] squeueOutputs) : ICommandRunner
{
    private int polls;

    public List<string> Calls { get; } = [];

    public HashSet<string> Missing { get; init; } = [];

    public Action<int>? OnPoll { get; init; }

    public CommandResult? Run(string program, IReadOnlyList<string> arguments)
    {
        Calls.Add(program + " " + string.Join(" ", arguments));
        if (Missing.Contains(program))
        {
            return null;
        }

        switch (program)
        {
            case "sbatch":
                return new CommandResult(0, jobId + "\n", "");
            case "squeue":
                OnPoll?.Invoke(polls);
                var output = squeueOutputs[Math.Min(polls, squeueOutputs.Length - 1)];
                polls++;
                return new CommandResult(0, output, "");
            case "sacct":
                return new CommandResult(1, "", "Slurm accounting storage is disabled\n");
            case "scancel":
                return new CommandResult(0, "", "");
            default:
                throw new InvalidOperationException("unexpected program " + program);
        }
    }

    public int Submissions => Calls.Count(c => c.StartsWith("sbatch", StringComparison.Ordinal));
}
