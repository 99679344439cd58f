using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace ProbDsl.Cli.Slurm;

/// <summary>What a finished command printed and returned.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs one of Slurm's commands (<c>sbatch</c>, <c>squeue</c>, …): the seam the tests replace with a fake.</summary>
internal interface ICommandRunner
{
    /// <summary>Null when <paramref name="program"/> is not on PATH.</summary>
    CommandResult? Run(string program, IReadOnlyList<string> arguments);
}

/// <summary>
/// Runs programs as child processes, optionally with extra environment variables (the tests point the clients at
/// their own cluster with <c>SLURM_CONF</c>); sbatch passes the submitter's environment on to the tasks.
/// </summary>
internal sealed class ProcessCommandRunner(IReadOnlyDictionary<string, string>? environment = null) : ICommandRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public CommandResult? Run(string program, IReadOnlyList<string> arguments)
    {
        if (FindOnPath(program) is null)
        {
            return null;
        }

        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return new CommandResult(-1, output.Result, $"{program} did not answer within {Timeout.TotalSeconds:0} s");
            }

            Task.WaitAll(output, error);
            return new CommandResult(process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? FindOnPath(string program)
    {
        if (program.Contains('/'))
        {
            return File.Exists(program) ? program : null;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (directory.Length > 0 && File.Exists(Path.Combine(directory, program)))
            {
                return Path.Combine(directory, program);
            }
        }

        return null;
    }
}
