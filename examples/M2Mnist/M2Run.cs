using System;
using System.Collections.Generic;
using System.Globalization;
using ProbDsl.Inference.Data;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>Loads MNIST, builds the generated trainer for the chosen guide, trains, and reports per epoch.</summary>
internal static class M2Run
{
    public static int Execute(M2Settings settings)
    {
        var device = SelectDevice(settings.Device);
        torch.set_num_threads(settings.Threads);
        manual_seed(settings.Seed);

        var mnist = Mnist.Load(settings.DataDir, message => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]"));
        using var data = new DisposableData(MnistTensors.SemiSupervised(mnist, settings.Labels, settings.Seed, encoding: settings.Pixels));
        var options = new TrainingOptions
        {
            Epochs = settings.Epochs, BatchSize = settings.BatchSize, LabelledBatchSize = settings.LabelledBatchSize,
            LearningRate = settings.LearningRate, Seed = settings.Seed, Alpha = settings.Alpha, Device = device,
            CheckpointPath = settings.Checkpoint,
        };

        if (settings.Model == "M2Nuisance")
            return Train(new M2NuisanceMeanFieldTrainer(options), data.Value, settings);
        return settings.Guide == "MeanField"
            ? Train(new M2MeanFieldTrainer(options), data.Value, settings)
            : Train(new M2StructuredTrainer(options), data.Value, settings);
    }

    private static Device SelectDevice(string name)
    {
        if (name == "cuda" && !cuda.is_available())
            throw new ArgumentException("--device cuda: no CUDA device is available to TorchSharp here (this build uses TorchSharp-cpu); use --device cpu.");
        return name == "cuda" ? CUDA : CPU;
    }

    private static int Train<TModel>(SemiSupervisedTrainer<TModel> trainer, SemiSupervisedData data, M2Settings settings)
        where TModel : nn.Module, ProbDsl.Inference.Models.ISemiSupervisedModel
    {
        using (trainer)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(trainer.Model.Name)}[/]: {Markup.Escape(trainer.Model.Factorisation)}");
            Console.Write(trainer.Model.Explanation);
            Console.WriteLine(Invariant($"{data.Labelled.Count} labelled, {data.Unlabelled.Count} unlabelled, {data.Test.Count} test; alpha {trainer.Alpha}; batch {settings.BatchSize}+{settings.LabelledBatchSize}; {settings.Threads} thread(s); seed {settings.Seed}; pixels {settings.Pixels}"));
            var reports = new List<EpochReport>();
            ProgressBar.Run(settings.Epochs, progress =>
            {
                trainer.StepProgress = progress;
                trainer.Train(data, report =>
                {
                    reports.Add(report);
                    ProgressBar.WriteLine(Invariant(
                        $"epoch {report.Epoch,3}/{settings.Epochs}  loss {report.TrainLoss,8:F2}  test ELBO {report.TestElbo,8:F2} nats  test error {report.TestError * 100,6:F2}%  (accuracy {report.TestAccuracy * 100:F2}%)  {report.Seconds,6:F1} s  {report.StepsPerSecond:F1} steps/s{(report.Temperature is double tau ? $"  τ {tau:F3}" : "")}"));
                });
            });
            ResultTable.Print(reports);
        }
        return 0;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
