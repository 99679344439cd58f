using System;
using System.Globalization;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Bench;

/// <summary>
/// The M2 epoch (3000 labels, batch 200, hidden 500, z 50, y enumerated) of three contenders side by side: the
/// generated trainer's model with hoisting (m2.pdsl), the same model compiled with hoisting off (m2unhoisted.pdsl,
/// what a tracing library computes), and the hand-written TorchSharp M2. Steps and test evaluations are timed
/// interleaved; an epoch is 285 steps (57,000 unlabelled / 200, each with a labelled batch of 100) plus one
/// evaluation of 10,000 test images in batches of 1000, as the trainer runs it.
/// </summary>
internal static class EpochTime
{
    private const int StepsPerEpoch = 285, TestCount = 10_000, EvaluationBatch = 1000;

    private sealed record Contender(string Name, nn.Module Module, Func<Tensor, Tensor, Tensor, Tensor> Loss, Func<Tensor, Tensor> UnlabelledBound, Func<Tensor, Tensor> ClassLogits);

    private static Contender Generated(string name, ISemiSupervisedModel model, SemiSupervisedObjective objective) =>
        new(name, (nn.Module)model, (xl, yl, xu) => objective.Loss(model, xl, yl, xu), model.UnlabelledBound, model.ClassLogits);

    public static void Run(int threads, int rounds)
    {
        torch.set_num_threads(threads);
        Console.WriteLine(ProbDsl.Inference.Blas.BlasReport.Line());
        manual_seed(0);
        var xu = rand(200, 784).gt(0.5).to(float32);
        var xl = rand(100, 784).gt(0.5).to(float32);
        var yl = randint(0, 10, new long[] { 100 }, dtype: int64);
        var test = new DataSplit(rand(TestCount, 784).gt(0.5).to(float32), randint(0, 10, new long[] { TestCount }, dtype: int64));
        var objective = new SemiSupervisedObjective(alpha: 0.1, labelledCount: 3000, unlabelledCount: 57000);
        var hand = new HandWrittenM2();
        var contenders = new[]
        {
            Generated("hoisted", new M2Structured(), objective),
            Generated("un-hoisted", new M2UnhoistedStructured(), objective),
            new Contender("hand-written", hand, hand.Loss, hand.UnlabelledBound, hand.ClassLogits),
        };

        Console.WriteLine($"M2 epoch, y enumerated (10 classes), 3000 labels: {StepsPerEpoch} steps of unlabelled 200 + labelled 100, hidden 500, z 50, Adam, + test evaluation of {TestCount}; {threads} thread(s), {rounds} interleaved rounds");
        var steps = StepTimer.MedianMilliseconds(Array.ConvertAll(contenders, c => (c.Name, Step(c, xl, yl, xu))), warmup: 5, rounds: rounds);
        var evaluations = StepTimer.MedianMilliseconds(Array.ConvertAll(contenders, c => (c.Name, (Action)(() => Evaluate(c, test)))), warmup: 1, rounds: 3);
        Console.WriteLine("  contender    | step (ms) | evaluation (s) | epoch (s) | epoch / hoisted");
        var hoistedEpoch = Epoch(steps["hoisted"], evaluations["hoisted"]);
        foreach (var c in contenders)
        {
            var epoch = Epoch(steps[c.Name], evaluations[c.Name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Name,-12} | {steps[c.Name],9:F1} | {evaluations[c.Name] / 1000,14:F2} | {epoch,9:F1} | {epoch / hoistedEpoch,14:F2}x"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  target: generated (hoisted) epoch <= 16.5 s on an idle machine; measured {hoistedEpoch:F1} s"));
        foreach (var c in contenders)
            c.Module.Dispose();
    }

    private static double Epoch(double stepMilliseconds, double evaluationMilliseconds) =>
        (StepsPerEpoch * stepMilliseconds + evaluationMilliseconds) / 1000;

    private static Action Step(Contender contender, Tensor xl, Tensor yl, Tensor xu)
    {
        var optimizer = optim.Adam(contender.Module.parameters(), lr: 3e-4);
        return () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            contender.Loss(xl, yl, xu).backward();
            optimizer.step();
        };
    }

    /// <summary>The trainer's evaluation (Evaluation.Evaluate: test ELBO and error, batches of 1000, no gradients), for any contender.</summary>
    private static void Evaluate(Contender contender, DataSplit test)
    {
        using var noGrad = no_grad();
        for (long start = 0; start < test.Count; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            var x = test.Features.narrow(0, start, EvaluationBatch);
            contender.UnlabelledBound(x).sum().ToDouble();
            contender.ClassLogits(x).argmax(-1).ne(test.RequireLabels().narrow(0, start, EvaluationBatch)).sum().ToDouble();
        }
    }
}
