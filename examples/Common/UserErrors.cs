using System;
using System.IO;
using ProbDsl.Datasets;
using ProbDsl.Inference.Training;

namespace ProbDsl.Examples.Common;

/// <summary>
/// Errors the user can fix end the run with their message and no stack trace: MNIST missing or damaged, an
/// impossible option combination, a checkpoint that cannot be resumed (exit code 2); training that diverged to NaN
/// or infinity (exit 3, the message says what to try); a file system that fails mid-run, e.g. a full disk (exit 1).
/// Anything else is a bug and keeps its trace.
/// </summary>
public static class UserErrors
{
    public const int Diverged = 3;

    public static int Report(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is MnistUnavailableException or InvalidDataException or ArgumentException or CheckpointException)
        {
            return Fail(e.Message, CommandLine.UsageError);
        }
        catch (NonFiniteTrainingException e)
        {
            return Fail(e.Message, Diverged);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message, 1);
        }
    }

    private static int Fail(string message, int code)
    {
        Console.Out.Flush();
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
