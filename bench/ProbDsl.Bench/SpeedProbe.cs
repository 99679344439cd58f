using System;
using System.Globalization;
using ProbDsl.Inference.Blas;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Bench;

/// <summary>
/// One process's speed on its BLAS path (the child of <see cref="SpeedComparison"/>): timed interleaved, a pass of
/// <see cref="SgemmRate"/>'s matrix products and the generated M2's steps — unlabelled (batch 200, y enumerated), labelled (batch 200, L(x,y) plus
/// the classification term, Pyro's supervised batch), the trainer's joint step (200 + 100) — and the two test
/// evaluations (accuracy only; exact enumerated ELBO and accuracy), 10,000 synthetic images in batches of 1000.
/// Prints one "speed k=v ..." line.
/// </summary>
internal static class SpeedProbe
{
    public const string ChildCommand = "speed-child";
    private const int TestCount = 10_000, EvaluationBatch = 1000;

    public static void Run(int threads, int rounds)
    {
        torch.set_num_threads(threads);
        manual_seed(0);
        var branch = BlasReport.MklCpuBranch();
        using var sgemm = new SgemmRate();
        var model = new M2Structured();
        var objective = new SemiSupervisedObjective(alpha: 0.1, labelledCount: 3000, unlabelledCount: 47000);
        var beta = 0.1 * 50000 / 3000.0;
        var x200 = rand(200, 784).gt(0.5).to(float32);
        var x100 = rand(100, 784).gt(0.5).to(float32);
        var y200 = randint(0, 10, new long[] { 200 }, dtype: int64);
        var test = rand(TestCount, 784).gt(0.5).to(float32);
        var optimizer = optim.Adam(model.parameters(), lr: 3e-4);
        Action Step(Func<Tensor> loss) => () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            loss().backward();
            optimizer.step();
        };
        var steps = StepTimer.MedianMilliseconds(new (string, Action)[]
        {
            ("sgemm", sgemm.Pass),
            ("unlabelled", Step(() => -model.UnlabelledObjective(x200).sum())),
            ("labelled", Step(() => -model.LabelledBound(x200, y200).sum() + beta * nn.functional.cross_entropy(model.ClassLogits(x200), y200, reduction: nn.Reduction.Sum))),
            ("joint", Step(() => objective.Loss(model, x100, y200.narrow(0, 0, 100), x200))),
        }, warmup: 3, rounds: rounds);
        var gflops = SgemmRate.PassFlops / steps["sgemm"] / 1e6;
        var evaluations = StepTimer.MedianMilliseconds(new (string, Action)[]
        {
            ("accuracy", () => Evaluate(test, x => model.ClassLogits(x).argmax(-1).sum())),
            ("elbo", () => Evaluate(test, x => model.UnlabelledBound(x).sum() + model.ClassLogits(x).argmax(-1).sum())),
        }, warmup: 1, rounds: 3);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed branch={branch} gflops={gflops:F1} unlabelled={steps["unlabelled"]:F2} labelled={steps["labelled"]:F2} joint={steps["joint"]:F2} accuracy={evaluations["accuracy"]:F1} elbo={evaluations["elbo"]:F1}"));
        model.Dispose();
    }

    private static void Evaluate(Tensor test, Func<Tensor, Tensor> perBatch)
    {
        using var noGrad = no_grad();
        for (long start = 0; start < TestCount; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            perBatch(test.narrow(0, start, EvaluationBatch)).ToDouble();
        }
    }
}
