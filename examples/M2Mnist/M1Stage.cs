using System;
using System.IO;
using System.Linq;
using ProbDsl.Datasets;
using ProbDsl.Examples.Common;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using Spectre.Console;
using static TorchSharp.torch;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>
/// The first stage of Kingma et al.'s M1+M2: trains the VAE M1 (m1m2.pdsl) on every training image without its
/// label, then gives MNIST as M2OnM1 sees it — each image replaced by its code under q(h|x). Training rows are
/// drawn afresh from q(h|x) for every batch, as Kingma et al. trained M2 on samples of M1's posterior; test rows
/// are its means, so that evaluation is deterministic.
/// </summary>
internal static class M1Stage
{
    public static SemiSupervisedData Features(SemiSupervisedSettings settings, M1Settings m1)
    {
        var mnist = Mnist.Load(settings.DataDir, message => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]"));
        using var images = MnistTensors.Rows(mnist.Train, withLabels: false, encoding: settings.Pixels);
        using var testImages = MnistTensors.Rows(mnist.Test, withLabels: false, encoding: MnistTensors.TestEncoding(settings.Pixels));
        using var trainer = new M1EncoderTrainer(Options(settings, m1));
        Train(trainer, images, testImages, m1);

        var model = trainer.Model;
        model.eval();
        var device = Devices.Select(settings.Device);
        var (trainLoc, trainScale) = GuideCodes.Normal(model, "h", images.Features, device);
        var (testLoc, testScale) = GuideCodes.Normal(model, "h", testImages.Features, device);
        testScale.Dispose();
        var (labelled, unlabelled) = mnist.BalancedSplit(settings.Labels, settings.Training.Seed);
        using (trainLoc)
        using (trainScale)
        {
            return new SemiSupervisedData(
                DataSplit.Gaussian(Rows(trainLoc, labelled), Rows(trainScale, labelled), tensor(labelled.Select(i => (long)mnist.Train.Labels[i]).ToArray())),
                DataSplit.Gaussian(Rows(trainLoc, unlabelled), Rows(trainScale, unlabelled), labels: null),
                new DataSplit(testLoc, tensor(mnist.Test.Labels.Select(label => (long)label).ToArray())));
        }
    }

    /// <summary>M1's own options: its epochs and the default learning rate; the run's seed, device and batch size; its checkpoint beside M2's.</summary>
    /// <exception cref="ArgumentException">M1's checkpoint path holds a file that is not a checkpoint, or cannot be written.</exception>
    private static TrainingOptions Options(SemiSupervisedSettings settings, M1Settings m1)
    {
        if (m1.Checkpoint is { } file && OutputPaths.FileProblem(file) is { } problem)
            throw new ArgumentException($"M1's checkpoint {file} (beside M2's): {problem}.");
        var run = settings.Training;
        return new TrainingOptions
        {
            Epochs = m1.Epochs, BatchSize = run.BatchSize, Seed = run.Seed,
            Device = Devices.Select(settings.Device), ElboEvery = run.ElboEvery,
            CheckpointPath = m1.Checkpoint, KeepCheckpoints = run.KeepCheckpoints,
            ResumeFrom = m1.Checkpoint is { } path && File.Exists(path) && run.ResumeFrom is not null ? path : null,
            DataDescription = InvariantText.Of($"MNIST training images without labels, pixels {settings.Pixels}"),
        };
    }

    private static void Train(M1EncoderTrainer trainer, DataSplit images, DataSplit test, M1Settings m1)
    {
        AnsiConsole.MarkupLine($"[bold]M1+M2, stage 1 — {Markup.Escape(trainer.Model.Name)}[/]: {Markup.Escape(trainer.Model.Factorisation)}, {images.Count} images without labels, {m1.Epochs} epochs");
        var trained = 0;
        ProgressBar.Run(m1.Epochs, progress =>
        {
            trainer.StepProgress = progress;
            trainer.Train(images, test, report =>
            {
                if (trained++ == 0 && trainer.ResumedFrom is { } from)
                    ProgressBar.WriteLine($"M1 resumed from {from}");
                ProgressBar.WriteLine(InvariantText.Of(
                    $"M1 epoch {report.Epoch,3}/{m1.Epochs}  loss {report.TrainLoss,8:F2}  test ELBO {report.TestElbo,8:F2} nats  {report.Seconds,6:F1} s"));
            });
        });
        if (trained == 0 && trainer.ResumedFrom is { } reused)
            Console.WriteLine($"M1: {reused} has reached --m1-epochs {m1.Epochs}; reusing it (a larger --m1-epochs trains it further)");
        AnsiConsole.MarkupLine("[bold]M1+M2, stage 2 — M2 on M1's code h ~ q(h|x)[/]");
    }

    private static Tensor Rows(Tensor all, int[] rows) => all.index_select(0, tensor(rows.Select(i => (long)i).ToArray())).contiguous();
}

/// <summary>M1's epochs and where its checkpoint goes (null: M1 is trained in memory only).</summary>
internal sealed record M1Settings(int Epochs, string? Checkpoint);
