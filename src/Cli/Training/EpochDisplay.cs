using System;
using System.Collections.Generic;
using System.Globalization;
using ProbDsl.Inference.Training;
using Spectre.Console;

namespace ProbDsl.Cli.Training;

/// <summary>
/// What the user sees while training: a live progress bar per epoch on a terminal (plain lines in a pipe or log),
/// one line per finished epoch, and a table of every epoch at the end.
/// </summary>
internal sealed class EpochDisplay
{
    private readonly Terminal _terminal;
    private readonly int _epochs;
    private readonly bool _classifies;
    private readonly bool _stepLines;

    /// <param name="stepLines">Without a terminal, still print a plain progress line every few seconds (for a parent process).</param>
    public EpochDisplay(Terminal terminal, int epochs, bool classifies, bool stepLines = false)
    {
        _terminal = terminal;
        _epochs = epochs;
        _classifies = classifies;
        _stepLines = stepLines;
    }

    /// <summary>Runs <paramref name="train"/> with a step progress sink (null when not interactive).</summary>
    public void Run(Action<IProgress<StepProgress>?> train)
    {
        if (!_terminal.Interactive)
        {
            train(_stepLines ? new StepLines(_terminal.Output, _epochs) : null);
            return;
        }
        _terminal.Rich.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask? task = null;
                train(new SynchronousProgress(step =>
                {
                    // One task per epoch, so the remaining-time estimate starts afresh each epoch.
                    if (task is null || step.Step == 1)
                    {
                        task?.StopTask();
                        task = context.AddTask($"epoch {step.Epoch}/{_epochs}", maxValue: step.StepsPerEpoch);
                    }
                    task.Description = Invariant($"epoch {step.Epoch}/{_epochs}  loss {step.RunningLoss:F2}");
                    task.Value = step.Step;
                }));
                task?.StopTask();
            });
    }

    public void Epoch(EpochReport r)
    {
        var classification = _classifies ? Invariant($"  test error {r.TestError * 100,6:F2}%") : "";
        var temperature = r.Temperature is double tau ? Invariant($"  τ {tau:F3}") : "";
        var line = Invariant($"epoch {r.Epoch,3}/{_epochs}  loss {r.TrainLoss,8:F2}  test ELBO {Elbo(r),8} nats{classification}  {r.Seconds,6:F1} s  {r.StepsPerSecond:F1} steps/s{temperature}");
        if (_terminal.Interactive)
            _terminal.Rich.WriteLine(line); // above the live bar
        else
            _terminal.Output.WriteLine(line);
    }

    public void Table(IReadOnlyList<EpochReport> reports)
    {
        var columns = new List<string> { "epoch", "train loss", "test ELBO (nats)" };
        if (_classifies)
            columns.AddRange(new[] { "test error", "test accuracy" });
        columns.Add("seconds");
        var table = new Table().AddColumns(columns.ToArray());
        foreach (var r in reports)
        {
            var cells = new List<string> { r.Epoch.ToString(CultureInfo.InvariantCulture), Invariant($"{r.TrainLoss:F2}"), Elbo(r) };
            if (_classifies)
                cells.AddRange(new[] { Invariant($"{r.TestError * 100:F2}%"), Invariant($"{r.TestAccuracy * 100:F2}%") });
            cells.Add(Invariant($"{r.Seconds:F1}"));
            table.AddRow(cells.ToArray());
        }
        _terminal.Rich.Write(table);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>"-" on the epochs that skip the exact test ELBO (TrainingOptions.ElboEvery).</summary>
    private static string Elbo(EpochReport r) => r.TestElbo is double elbo ? Invariant($"{elbo:F2}") : "-";

    /// <summary>System.Progress would post to the thread pool and reorder updates.</summary>
    private sealed class SynchronousProgress : IProgress<StepProgress>
    {
        private readonly Action<StepProgress> _report;

        public SynchronousProgress(Action<StepProgress> report) => _report = report;

        public void Report(StepProgress value) => _report(value);
    }
}
