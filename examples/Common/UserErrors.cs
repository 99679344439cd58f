using System;
using System.IO;
using ProbDsl.Inference.Data;

namespace ProbDsl.Examples.Common;

/// <summary>
/// Errors the user can fix (MNIST missing or damaged, an impossible option combination) end the run with their
/// message and exit code 2 instead of a stack trace; anything else is a bug and keeps its trace.
/// </summary>
public static class UserErrors
{
    public static int Report(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is MnistUnavailableException or InvalidDataException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
