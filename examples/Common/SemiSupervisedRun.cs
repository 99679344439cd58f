using System;
using System.Collections.Generic;
using System.Globalization;
using ProbDsl.Inference.Blas;
using ProbDsl.Inference.Data;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Examples.Common;

/// <summary>
/// Loads MNIST, builds the generated trainer the example chose, trains, and reports per epoch: the run every
/// semi-supervised example shares.
/// </summary>
public static class SemiSupervisedRun
{
    /// <param name="createTrainer">The example's generated trainer; called after seeding, so its initial weights follow --seed.</param>
    public static int Execute<TModel>(SemiSupervisedSettings settings, Func<TrainingOptions, SemiSupervisedTrainer<TModel>> createTrainer)
        where TModel : nn.Module, ISemiSupervisedModel
    {
        var device = Devices.Select(settings.Device);
        torch.set_num_threads(settings.Threads);
        Console.WriteLine(BlasReport.Line());
        manual_seed(settings.Seed);

        var mnist = Mnist.Load(settings.DataDir, message => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]"));
        using var data = new DisposableData(MnistTensors.SemiSupervised(mnist, settings.Labels, settings.Seed, encoding: settings.Pixels));
        var options = new TrainingOptions
        {
            Epochs = settings.Epochs, BatchSize = settings.BatchSize, LabelledBatchSize = settings.LabelledBatchSize,
            LearningRate = settings.LearningRate, Seed = settings.Seed, Alpha = settings.Alpha, Device = device,
            CheckpointPath = settings.Checkpoint, ElboEvery = settings.ElboEvery,
        };
        using var trainer = createTrainer(options);
        Train(trainer, data.Value, settings);
        return 0;
    }

    private static void Train<TModel>(SemiSupervisedTrainer<TModel> trainer, SemiSupervisedData data, SemiSupervisedSettings settings)
        where TModel : nn.Module, ISemiSupervisedModel
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(trainer.Model.Name)}[/]: {Markup.Escape(trainer.Model.Factorisation)}");
        Console.Write(trainer.Model.Explanation);
        Console.WriteLine(InvariantText.Of($"{data.Labelled.Count} labelled, {data.Unlabelled.Count} unlabelled, {data.Test.Count} test; alpha {trainer.Alpha}; batch {settings.BatchSize}+{settings.LabelledBatchSize}; {settings.Threads} thread(s); seed {settings.Seed}; pixels {settings.Pixels}"));
        var reports = new List<EpochReport>();
        ProgressBar.Run(settings.Epochs, progress =>
        {
            trainer.StepProgress = progress;
            trainer.Train(data, report =>
            {
                reports.Add(report);
                ProgressBar.WriteLine(InvariantText.Of(
                    $"epoch {report.Epoch,3}/{settings.Epochs}  loss {report.TrainLoss,8:F2}  test ELBO {(report.TestElbo is double elbo ? elbo.ToString("F2", CultureInfo.InvariantCulture) : "-"),8} nats  test error {report.TestError * 100,6:F2}%  (accuracy {report.TestAccuracy * 100:F2}%)  {report.Seconds,6:F1} s  {report.StepsPerSecond:F1} steps/s{(report.Temperature is double tau ? $"  τ {tau:F3}" : "")}"));
            });
        });
        ResultTable.Print(reports);
        Console.WriteLine(ResultTable.Legend(settings.ElboEvery));
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
