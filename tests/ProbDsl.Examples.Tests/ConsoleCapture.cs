using System;
using System.IO;

namespace ProbDsl.Examples.Tests;

/// <summary>Runs an example's entry point with the console captured. Console is process-wide: tests that use this share one collection, so they never run at once.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture
{
    public static (int Exit, string Output, string Error) Run(Func<int> run)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = run();
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
