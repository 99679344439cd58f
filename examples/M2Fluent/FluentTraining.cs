using System;
using System.Collections.Generic;
using System.Globalization;
using ProbDsl.Datasets;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;

namespace ProbDsl.Examples.M2Fluent;

/// <summary>A short run of the generated trainer for the chosen guide on real MNIST, one line per epoch.</summary>
internal static class FluentTraining
{
    /// <summary>The guides of <see cref="M2Definition.M2"/>, each bound to its generated trainer: --guide accepts exactly these names.</summary>
    public static readonly IReadOnlyDictionary<string, Func<TrainingOptions, SemiSupervisedData, int>> Guides =
        new Dictionary<string, Func<TrainingOptions, SemiSupervisedData, int>>
        {
            ["Structured"] = (options, data) => Train(new M2StructuredTrainer(options), data),
            ["MeanField"] = (options, data) => Train(new M2MeanFieldTrainer(options), data),
        };

    /// <param name="Guide">One of <see cref="Guides"/>.</param>
    public sealed record Settings(int Epochs, Func<TrainingOptions, SemiSupervisedData, int> Guide, int Labels, string? DataDir);

    public static int Run(Settings settings)
    {
        // One libtorch thread: it degrades gracefully when other work shares the cores (see DESIGN.md §6).
        torch.set_num_threads(1);
        Console.WriteLine(ProbDsl.Inference.Blas.BlasReport.Line());
        torch.manual_seed(0);
        var mnist = Mnist.Load(settings.DataDir, Console.WriteLine);
        var data = MnistTensors.SemiSupervised(mnist, settings.Labels, seed: 0);
        try
        {
            return settings.Guide(new TrainingOptions { Epochs = settings.Epochs }, data);
        }
        finally
        {
            data.Labelled.Dispose();
            data.Unlabelled.Dispose();
            data.Test.Dispose();
        }
    }

    private static int Train<TModel>(SemiSupervisedTrainer<TModel> trainer, SemiSupervisedData data)
        where TModel : torch.nn.Module, ISemiSupervisedModel
    {
        using (trainer)
        {
            Console.WriteLine($"Training {trainer.Model.Name} ({trainer.Model.Factorisation}): {data.Labelled.Count} labelled, {data.Unlabelled.Count} unlabelled, alpha {trainer.Alpha.ToString(CultureInfo.InvariantCulture)}");
            trainer.Train(data, report => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {report.Epoch}: loss {report.TrainLoss:F2}, test ELBO {(report.TestElbo is double elbo ? elbo.ToString("F2", CultureInfo.InvariantCulture) : "-")} nats, test error {report.TestError * 100:F2}%, {report.Seconds:F1} s")));
        }
        return 0;
    }
}
