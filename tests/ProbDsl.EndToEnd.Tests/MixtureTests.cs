using System;
using System.Linq;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>An unsupervised model with a discrete latent whose exact posterior is computable: the bound is exact, and training closes the gap to log p(x).</summary>
public class MixtureTests
{
    private static readonly double[][] Prototypes =
    {
        new double[] { 1, 1, 1, 0, 0, 0 },
        new double[] { 0, 0, 0, 1, 1, 1 },
        new double[] { 1, 0, 1, 0, 1, 0 },
    };

    private static double LogJoint(PlainNets nets, double[] x, int k) =>
        Math.Log(1.0 / 3) + PlainNets.BernoulliLogProb(x, nets.Run("component", "XLogits", 8, 6, ("K", PlainNets.OneHot(k, 3))));

    private static double[] LogGuide(PlainNets nets, double[] x) =>
        PlainNets.LogSoftmax(nets.Run("responsibility", "KLogits", 8, 3, ("X", x)));

    private static double LogEvidence(PlainNets nets, double[] x) => Math.Log(Enumerable.Range(0, 3).Sum(k => Math.Exp(LogJoint(nets, x, k))));

    /// <summary>Samples from the known mixture: a prototype, each pixel flipped with probability 0.1.</summary>
    private static Tensor Sample(int count, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).SelectMany(_ =>
        {
            var prototype = Prototypes[random.Next(3)];
            return prototype.Select(p => random.NextDouble() < 0.1 ? 1 - p : p);
        }).ToArray();
        return tensor(rows, new long[] { count, 6 }, dtype: float32);
    }

    [Fact]
    public void Bound_equals_the_brute_force_sum_over_components()
    {
        manual_seed(2);
        var model = new MixturePosterior();
        model.to(float64);
        var nets = new PlainNets(model);
        var images = PlainNets.AllBinaryImages(6);
        var x = PlainNets.AsTensor(images);

        var bound = model.Bound(x).data<double>().ToArray();

        for (var n = 0; n < images.Length; n++)
        {
            var logQ = LogGuide(nets, images[n]);
            var expected = Enumerable.Range(0, 3).Sum(k => Math.Exp(logQ[k]) * (LogJoint(nets, images[n], k) - logQ[k]));
            Assert.Equal(expected, bound[n], 10);
        }
    }

    [Fact]
    public void Trained_guide_matches_the_exact_posterior()
    {
        torch.set_num_threads(1);
        manual_seed(0);
        var train = new DataSplit(Sample(4000, 1), null);
        var test = new DataSplit(Sample(500, 2), null);
        using var trainer = new MixturePosteriorTrainer(new TrainingOptions { Epochs = 15, BatchSize = 100, LearningRate = 1e-2 });
        var images = test.Features.to(float64).data<double>().ToArray().Chunk(6).ToArray();

        double MeanGap() // E[log p(x) − ELBO] = E[KL(q(k|x) || p(k|x))], exactly, under the current model
        {
            var nets = new PlainNets(trainer.Model);
            return images.Average(x =>
            {
                var logQ = LogGuide(nets, x);
                var elbo = Enumerable.Range(0, 3).Sum(k => Math.Exp(logQ[k]) * (LogJoint(nets, x, k) - logQ[k]));
                return LogEvidence(nets, x) - elbo;
            });
        }

        var gapBefore = MeanGap();
        var reports = trainer.Train(train, test);
        var gapAfter = MeanGap();

        Assert.True(reports[^1].TestElbo > reports[0].TestElbo, $"test ELBO {reports[0].TestElbo:F3} -> {reports[^1].TestElbo:F3}");
        Assert.True(gapAfter < 0.02, $"mean KL(q || exact posterior) after training: {gapAfter:F4} nats (before: {gapBefore:F4})");
        Assert.True(gapAfter < gapBefore / 5, $"gap {gapBefore:F4} -> {gapAfter:F4}");
    }
}
