using System;
using System.Globalization;
using ProbDsl.Datasets;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Bench;

/// <summary>
/// What the labels alone give: M2's classifier q(y|x) (the same network, 784-500-10) trained with cross-entropy
/// on the labelled subset only, with the same optimiser, batch size and number of steps as the M2 example.
/// M2's accuracy is meaningful only next to this number.
/// </summary>
internal static class SupervisedBaseline
{
    public static void Run(int labels, int epochs, int threads)
    {
        torch.set_num_threads(threads);
        Console.WriteLine(ProbDsl.Inference.Blas.BlasReport.Line());
        manual_seed(0);
        var data = MnistTensors.SemiSupervised(Mnist.Load(), labels, seed: 0);
        using var model = new M2Structured(); // only its classifier is trained here
        using var optimizer = optim.Adam(model.parameters(), lr: 3e-4);
        using var shuffle = new Generator(0);
        using var pixels = new Generator(1); // the M2 example's pixels: a fresh binary draw per use (dynamic binarisation)
        var stepsPerEpoch = (int)(data.Unlabelled.Count / 200);
        Console.WriteLine($"Supervised-only baseline: {labels} labels, {epochs} epochs of {stepsPerEpoch} steps, batch 100, Adam 3e-4, dynamically binarised pixels");
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            for (var step = 0; step < stepsPerEpoch; step++)
            {
                using var scope = NewDisposeScope();
                var batch = randint(0, data.Labelled.Count, new long[] { 100 }, generator: shuffle);
                optimizer.zero_grad();
                var logits = model.ClassLogits(data.Labelled.Batch(batch, pixels, CPU));
                nn.functional.cross_entropy(logits, data.Labelled.RequireLabels().index_select(0, batch)).backward();
                optimizer.step();
            }
            using (no_grad())
            using (NewDisposeScope())
            {
                var accuracy = model.ClassLogits(data.Test.Features).argmax(-1).eq(data.Test.RequireLabels()).to(float32).mean().ToDouble();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch,3}: test accuracy {accuracy * 100:F2}%"));
            }
        }
    }
}
