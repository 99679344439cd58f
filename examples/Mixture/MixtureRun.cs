using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Examples.Mixture;

/// <summary>
/// Trains the generated mixture on data from known prototypes and compares the trained guide q(k|x) with the exact
/// posteriors (the model's own and the true process's).
/// </summary>
internal static class MixtureRun
{
    /// <summary>
    /// <see cref="TrainingOptions"/>' defaults, but for what this small, fast model sets explicitly: 15 epochs over
    /// 4000 images in batches of 100, Adam at 1e-2 (its 16-pixel images learn in seconds).
    /// </summary>
    public static readonly TrainingOptions Defaults = new() { Epochs = 15, BatchSize = 100, LearningRate = 1e-2 };

    public static int Execute(int seed, int epochs, int threads)
    {
        torch.set_num_threads(threads);
        manual_seed(seed);
        var (trainImages, _) = KnownMixture.Sample(4000, seed * 2 + 1);
        var (testImages, testComponents) = KnownMixture.Sample(500, seed * 2 + 2);
        using var train = new DataSplit(trainImages, null);
        using var test = new DataSplit(testImages, null);
        using var trainer = new MixturePosteriorTrainer(Defaults with { Epochs = epochs, Seed = seed });
        var comparison = new PosteriorComparison(trainer.Model);

        Console.WriteLine(ProbDsl.Inference.Blas.BlasReport.Line());
        Console.WriteLine($"{MixturePosterior.GuideExplanation}");
        Console.WriteLine($"data: 4000 training and 500 test images of {KnownMixture.Pixels} pixels from 3 known prototypes (pixels flipped with probability 0.1); seed {seed}");
        var (modelGapBefore, trueKlBefore) = Gaps();
        var clock = Stopwatch.StartNew();
        var reports = trainer.Train(train, test, r => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {r.Epoch,2}: test ELBO {r.TestElbo,8:F4} nats")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained {epochs} epochs in {clock.Elapsed.TotalSeconds:F1} s"));
        var (modelGapAfter, trueKlAfter) = Gaps();
        Console.WriteLine();
        Console.WriteLine("mean over the test set, nats           before     after");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  KL(q(k|x) || p_θ(k|x)), model's own  {modelGapBefore,7:F4}   {modelGapAfter,7:F4}   (= log p_θ(x) − ELBO)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  KL(q(k|x) || p*(k|x)), true process  {trueKlBefore,7:F4}   {trueKlAfter,7:F4}"));
        PrintExamples();

        // Both gaps under the current weights; the true one after matching learned components to prototypes.
        (double Model, double True) Gaps()
        {
            using var noGrad = no_grad();
            var logQ = comparison.LogGuide(testImages);
            var match = comparison.MatchComponents();
            var trueKl = PosteriorComparison.MeanKl(PosteriorComparison.InPrototypeOrder(logQ, match), KnownMixture.LogPosterior(testImages));
            return (PosteriorComparison.MeanKl(logQ, comparison.LogModelPosterior(testImages)), trueKl);
        }

        void PrintExamples()
        {
            using var noGrad = no_grad();
            var match = comparison.MatchComponents();
            var shown = Enumerable.Range(0, 6).Select(i => (long)i).ToArray();
            var x = testImages.index_select(0, tensor(shown));
            double[][] Rows(Tensor logProbabilities) => logProbabilities.exp().to(float64).data<double>().ToArray().Chunk(3).ToArray();
            var truth = Rows(KnownMixture.LogPosterior(x));
            var model = Rows(PosteriorComparison.InPrototypeOrder(comparison.LogModelPosterior(x), match));
            var guide = Rows(PosteriorComparison.InPrototypeOrder(comparison.LogGuide(x), match));
            Console.WriteLine();
            Console.WriteLine("a few test images; probabilities of k = 0, 1, 2 (learned components put in prototype order)");
            Console.WriteLine("  image   drawn from | p*(k|x), true      | p_θ(k|x), model    | q(k|x), guide");
            string Cells(double[] p) => string.Join(" ", p.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)));
            for (var i = 0; i < shown.Length; i++)
            {
                var pixels = string.Concat(x[i].data<float>().ToArray().Select(v => v > 0.5 ? '1' : '0'));
                Console.WriteLine($"  {pixels}  {testComponents[i],10} | {Cells(truth[i])}  | {Cells(model[i])}  | {Cells(guide[i])}");
            }
        }
        return 0;
    }
}
