using System.Linq;
using ProbDsl.Datasets;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>The generated M2 trainer learns on a small subset of real MNIST (fetched on first use).</summary>
public class M2TrainingTests
{
    [Fact]
    public void Generated_trainer_learns_to_classify_real_mnist_from_100_labels()
    {
        torch.set_num_threads(1);
        manual_seed(0);
        var mnist = Mnist.Load();
        var data = MnistTensors.SemiSupervised(mnist, labels: 100, seed: 0, testLimit: 1000, unlabelledLimit: 4000);
        var options = new TrainingOptions { Epochs = 3, BatchSize = 100, LabelledBatchSize = 50, Seed = 0, LearningRate = 1e-3, ElboEvery = 1 };
        using var trainer = new M2StructuredTrainer(options);

        var reports = trainer.Train(data);

        // Chance is 10%; 3 short epochs on 100 labels must do far better, and the bound must rise by many nats.
        Assert.True(reports[^1].TestAccuracy > 0.5, $"test accuracy {reports[^1].TestAccuracy:P1}");
        Assert.True(reports[^1].TrainLoss < reports[0].TrainLoss - 50, $"train loss {reports[0].TrainLoss:F1} -> {reports[^1].TrainLoss:F1}");
        Assert.True(reports[^1].TestElbo > reports[0].TestElbo + 20, $"test ELBO {reports[0].TestElbo:F1} -> {reports[^1].TestElbo:F1}");
    }
}
