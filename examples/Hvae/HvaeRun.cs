using System;
using ProbDsl.Datasets;
using ProbDsl.Examples.Common;
using ProbDsl.Inference.Blas;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Examples.Hvae;

/// <summary>Loads MNIST without labels, trains the generated <see cref="HvaeBottomUpTrainer"/>, reports the test ELBO per epoch.</summary>
internal static class HvaeRun
{
    public static int Execute(HvaeSettings settings)
    {
        torch.set_num_threads(settings.Threads);
        Console.WriteLine(BlasReport.Line());
        var options = settings.Training;
        manual_seed(options.Seed);
        var mnist = Mnist.Load(settings.DataDir, message => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]"));
        // Training images dynamically binarised (a fresh Bernoulli draw each time one is used), test images
        // thresholded at 0.5: the same protocol as the M2 example, so the test ELBOs compare.
        using var train = MnistTensors.Rows(mnist.Train, withLabels: false, encoding: PixelEncoding.Dynamic);
        using var test = MnistTensors.Rows(mnist.Test, withLabels: false, encoding: MnistTensors.TestEncoding(PixelEncoding.Dynamic));
        using var trainer = new HvaeBottomUpTrainer(options);

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(trainer.Model.Name)}[/]: {Markup.Escape(trainer.Model.Factorisation)}");
        Console.Write(trainer.Model.Explanation);
        Console.WriteLine(InvariantText.Of($"{train.Count} training, {test.Count} test images; batch {options.BatchSize}; Adam {options.LearningRate}; {settings.Threads} thread(s); seed {options.Seed}"));
        var notice = new ResumeNotice();
        var reports = trainer.Train(train, test, report =>
        {
            notice.Print(trainer.ResumedFrom, trainer.SkippedCheckpoints);
            Console.WriteLine(InvariantText.Of(
                $"epoch {report.Epoch,3}/{options.Epochs}  loss {report.TrainLoss,8:F2}  test ELBO {report.TestElbo,8:F2} nats  {report.Seconds,6:F1} s  {report.StepsPerSecond:F1} steps/s"));
        });
        notice.Print(trainer.ResumedFrom, trainer.SkippedCheckpoints, nothingLeft: true);
        ResultTable.Print(reports, withClassification: false);
        return 0;
    }
}
