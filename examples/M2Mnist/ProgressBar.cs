using System;
using ProbDsl.Inference.Training;
using Spectre.Console;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>A live progress bar in a terminal; plain per-epoch lines when output is redirected (CI, logs).</summary>
internal static class ProgressBar
{
    public static void Run(int epochs, Action<IProgress<StepProgress>?> train)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            train(null);
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("epoch 1", maxValue: 1);
                train(new Progress(step =>
                {
                    task.Description = M2Run.Invariant($"epoch {step.Epoch}/{epochs}  loss {step.RunningLoss:F2}");
                    task.MaxValue = step.StepsPerEpoch;
                    task.Value = step.Step;
                }));
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
