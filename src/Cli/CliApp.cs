using System;
using System.CommandLine;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using ProbDsl.Cli.Commands;
using ProbDsl.Datasets;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli;

/// <summary>The command tree, and the one place where user errors become a message and exit code 2.</summary>
public static class CliApp
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, slurm: null);

    /// <param name="slurm">How <c>compare --on slurm</c> reaches Slurm: null for the real clients on PATH (tests give a scripted one).</param>
    internal static int Run(string[] args, TextWriter output, TextWriter error, Compare.SlurmAccess? slurm)
    {
        var terminal = new Terminal(output, error);
        var root = new RootCommand("ProbDsl: check, explain, emit and train probabilistic models written in .pdsl.");
        root.Subcommands.Add(CheckCommand.Create(terminal));
        root.Subcommands.Add(ExplainCommand.Create(terminal));
        root.Subcommands.Add(PlanCommand.Create(terminal));
        root.Subcommands.Add(EmitCommand.Create(terminal));
        root.Subcommands.Add(TrainCommand.Create(terminal));
        root.Subcommands.Add(EvaluateCommand.Create(terminal));
        root.Subcommands.Add(SampleCommand.Create(terminal));
        root.Subcommands.Add(Compare.CompareCommand.Create(terminal, slurm));
        root.Subcommands.Add(Compare.ReportCommand.Create(terminal));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine would exit 1, which `check` uses for model errors; a bad command line is 2.
            foreach (var problem in parsed.Errors)
                error.WriteLine($"error: {problem.Message}");
            error.WriteLine($"Run '{CommandName(parsed)} --help' for the usage.");
            return ExitCodes.UsageOrData;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Runs a command's body; a problem the user can fix is printed as one line and exits with 2.</summary>
    internal static int Guard(Terminal terminal, Func<int> body)
    {
        try
        {
            return Unwrapped(body);
        }
        catch (Exception e) when (IsUserError(e))
        {
            terminal.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageOrData;
        }
    }

    /// <summary>Exceptions thrown inside a constructor called by reflection arrive wrapped; show the real one.</summary>
    private static int Unwrapped(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw; // unreachable
        }
    }

    private static bool IsUserError(Exception e) =>
        e is UserError or InvalidDataException
            or MnistUnavailableException or NonFiniteLossException or NonFiniteWeightsException
            or UnauthorizedAccessException or CheckpointException
        // TrainingOptions.Validate names the option in its message.
        || (e is ArgumentException argument && argument.ParamName is not null && argument.Message.StartsWith("TrainingOptions.", StringComparison.Ordinal));

    private static string CommandName(ParseResult parsed) =>
        parsed.CommandResult.Command is RootCommand ? "probdsl" : $"probdsl {parsed.CommandResult.Command.Name}";
}
