using System;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace ProbDsl.Examples.Common;

/// <summary>
/// Runs an example's command line: errors in the options end the run at once with one "error: ..." line per
/// problem and exit code 2, without the help text burying the message (System.CommandLine's default prints both and
/// exits with 1); --help and valid command lines run as usual.
/// </summary>
public static class CommandLine
{
    public const int UsageError = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count == 0)
            return parsed.Invoke();
        foreach (var error in parsed.Errors)
            Console.Error.WriteLine($"error: {Naming(error)}");
        Console.Error.WriteLine("(--help lists the options)");
        return UsageError;
    }

    /// <summary>The parser's own messages do not always say which option was wrong ("Argument 'gpu' not recognized"): prefix its name.</summary>
    private static string Naming(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option.Name,
            ArgumentResult { Parent: OptionResult o } => o.Option.Name,
            _ => null,
        };
        return option is null || error.Message.Contains(option, StringComparison.Ordinal) ? error.Message : $"{option}: {error.Message}";
    }
}
