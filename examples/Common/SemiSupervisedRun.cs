using System;
using System.Collections.Generic;
using System.Globalization;
using ProbDsl.Datasets;
using ProbDsl.Inference.Blas;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Examples.Common;

/// <summary>
/// Loads MNIST, builds the generated trainer the example chose, trains (or resumes), and reports per epoch: the run
/// every semi-supervised example shares.
/// </summary>
public static class SemiSupervisedRun
{
    /// <param name="createTrainer">The example's generated trainer; called after seeding, so its initial weights follow --seed.</param>
    /// <param name="loadData">The data; MNIST (from --data-dir or the cache) when null. Tests pass a small synthetic set.</param>
    public static int Execute<TModel>(SemiSupervisedSettings settings, Func<TrainingOptions, SemiSupervisedTrainer<TModel>> createTrainer,
        Func<SemiSupervisedData>? loadData = null)
        where TModel : nn.Module, ISemiSupervisedModel
    {
        var device = Devices.Select(settings.Device);
        torch.set_num_threads(settings.Threads);
        Console.WriteLine(BlasReport.Line());
        manual_seed(settings.Training.Seed);

        using var data = new DisposableData((loadData ?? (() => LoadMnist(settings)))());
        using var trainer = createTrainer(settings.Training with { Device = device });
        Train(trainer, data.Value, settings);
        return 0;
    }

    private static SemiSupervisedData LoadMnist(SemiSupervisedSettings settings)
    {
        var mnist = Mnist.Load(settings.DataDir, message => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]"));
        return MnistTensors.SemiSupervised(mnist, settings.Labels, settings.Training.Seed, encoding: settings.Pixels);
    }

    private static void Train<TModel>(SemiSupervisedTrainer<TModel> trainer, SemiSupervisedData data, SemiSupervisedSettings settings)
        where TModel : nn.Module, ISemiSupervisedModel
    {
        var options = settings.Training;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(trainer.Model.Name)}[/]: {Markup.Escape(trainer.Model.Factorisation)}");
        Console.Write(trainer.Model.Explanation);
        Console.WriteLine(InvariantText.Of($"{data.Labelled.Count} labelled, {data.Unlabelled.Count} unlabelled, {data.Test.Count} test; alpha {trainer.Alpha}; batch {options.BatchSize}+{options.LabelledBatchSize}; {settings.Threads} thread(s); seed {options.Seed}; pixels {settings.Pixels}; labelled schedule {options.LabelledSchedule}"));
        IReadOnlyList<EpochReport> reports = Array.Empty<EpochReport>();
        var notice = new ResumeNotice();
        ProgressBar.Run(options.Epochs, progress =>
        {
            trainer.StepProgress = progress;
            reports = trainer.Train(data, report =>
            {
                notice.Print(trainer.ResumedFrom, trainer.SkippedCheckpoints);
                ProgressBar.WriteLine(InvariantText.Of(
                    $"epoch {report.Epoch,3}/{options.Epochs}  loss {report.TrainLoss,8:F2}  test ELBO {(report.TestElbo is double elbo ? elbo.ToString("F2", CultureInfo.InvariantCulture) : "-"),8} nats  test error {report.TestError * 100,6:F2}%  (accuracy {report.TestAccuracy * 100:F2}%)  {report.Seconds,6:F1} s  {report.StepsPerSecond:F1} steps/s{(report.Temperature is double tau ? $"  τ {tau:F3}" : "")}"));
            });
        });
        notice.Print(trainer.ResumedFrom, trainer.SkippedCheckpoints, nothingLeft: true);
        ResultTable.Print(reports);
        Console.WriteLine(ResultTable.Legend(options.ElboEvery));
    }

    /// <summary>Disposes the data tensors at the end of the run.</summary>
    private sealed class DisposableData : IDisposable
    {
        public DisposableData(SemiSupervisedData value) => Value = value;

        public SemiSupervisedData Value { get; }

        public void Dispose()
        {
            Value.Labelled.Dispose();
            Value.Unlabelled.Dispose();
            Value.Test.Dispose();
        }
    }
}
