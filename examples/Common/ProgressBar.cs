using System;
using ProbDsl.Inference.Training;
using Spectre.Console;

namespace ProbDsl.Examples.Common;

/// <summary>A live progress bar in a terminal; plain per-epoch lines when output is redirected (CI, logs).</summary>
public static class ProgressBar
{
    /// <summary>Writes a line above a live progress bar, or plainly (unwrapped) when output is redirected.</summary>
    public static void WriteLine(string line)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive)
            AnsiConsole.WriteLine(line);
        else
            Console.WriteLine(line);
    }

    public static void Run(int epochs, Action<IProgress<StepProgress>?> train)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            train(null);
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask? task = null;
                train(new Progress(step =>
                {
                    // One task per epoch, so the remaining-time estimate starts afresh each epoch.
                    if (task is null || step.Step == 1)
                    {
                        task?.StopTask();
                        task = context.AddTask($"epoch {step.Epoch}/{epochs}", maxValue: step.StepsPerEpoch);
                    }
                    task.Description = InvariantText.Of($"epoch {step.Epoch}/{epochs}  loss {step.RunningLoss:F2}");
                    task.Value = step.Step;
                }));
                task?.StopTask();
            });
    }

    /// <summary>Synchronous IProgress: System.Progress would post to the thread pool and reorder updates.</summary>
    private sealed class Progress : IProgress<StepProgress>
    {
        private readonly Action<StepProgress> _report;

        public Progress(Action<StepProgress> report) => _report = report;

        public void Report(StepProgress value) => _report(value);
    }
}
