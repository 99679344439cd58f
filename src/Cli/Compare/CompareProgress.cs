using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Spectre.Console;

namespace ProbDsl.Cli.Compare;

/// <summary>Shows the runs' progress while a launcher runs them: live bars on a terminal, plain lines otherwise.</summary>
internal static class CompareProgress
{
    public static IReadOnlyList<RunOutcome> Run(Terminal terminal, int runs, int epochs, Func<IRunObserver, Task<IReadOnlyList<RunOutcome>>> launch)
    {
        if (!terminal.Interactive)
            return launch(new PlainRunObserver(terminal.Output, runs)).GetAwaiter().GetResult();
        return terminal.Rich.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(context => launch(new ProgressBarsObserver(terminal.Rich, context, runs, epochs)))
            .GetAwaiter().GetResult();
    }
}
