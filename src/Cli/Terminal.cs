using System;
using System.IO;
using Spectre.Console;

namespace ProbDsl.Cli;

/// <summary>
/// Where a command writes: plain text for results (diagnostics, explanations, C#), and a Spectre console on the
/// same writer for progress and tables. Live progress only on an interactive terminal; in a pipe or a log
/// (or a test) every epoch is one plain line.
/// </summary>
internal sealed class Terminal
{
    public Terminal(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
        var isConsole = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        Rich = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isConsole ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isConsole ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isConsole ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Rich { get; }

    public bool Interactive => Rich.Profile.Capabilities.Interactive;
}
