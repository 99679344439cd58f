using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Inference.Blas;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Bench;

/// <summary>
/// Where the generated M2's joint step (unlabelled 200 enumerated + labelled 100, Eq. 9, Adam) spends its time, by
/// difference of interleaved timings: forward, forward + backward, the whole step, Adam's update alone; the matrix
/// products' share of forward and backward is their FLOPs (<see cref="M2Flops"/>) at the sgemm rate measured in the
/// same rounds; the rest is element-wise work, autograd and allocation. Two element-wise references: the decoder's
/// Bernoulli log-likelihood and a softplus on the enumerated [10, 200, ·] shapes, forward + backward.
/// </summary>
internal static class StepProfile
{
    public static void Run(int threads, int rounds)
    {
        torch.set_num_threads(threads);
        manual_seed(0);
        Console.WriteLine(BlasReport.Line());
        using var model = new M2Structured();
        using var sgemm = new SgemmRate();
        var objective = new SemiSupervisedObjective(alpha: 0.1, labelledCount: 3000, unlabelledCount: 47000);
        var xu = rand(200, 784).gt(0.5).to(float32);
        var xl = rand(100, 784).gt(0.5).to(float32);
        var yl = randint(0, 10, new long[] { 100 }, dtype: int64);
        var optimizer = optim.Adam(model.parameters(), lr: 3e-4);
        var logits = rand(10, 200, 784).requires_grad_();
        var targets = rand(10, 200, 784).gt(0.5).to(float32);
        var hidden = rand(10, 200, 500).requires_grad_();
        objective.Loss(model, xl, yl, xu).backward(); // gradients exist, so Adam's update can be timed alone

        var t = StepTimer.MedianMilliseconds(new (string, Action)[]
        {
            ("sgemm", sgemm.Pass),
            ("forward", () => Scoped(() => objective.Loss(model, xl, yl, xu))),
            ("forward+backward", () => Scoped(() => objective.Loss(model, xl, yl, xu).backward())),
            ("step", () => Scoped(() => { optimizer.zero_grad(); objective.Loss(model, xl, yl, xu).backward(); optimizer.step(); })),
            ("adam", () => Scoped(() => optimizer.step())),
            ("bernoulli", () => Scoped(() => nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.Sum).backward())),
            ("softplus", () => Scoped(() => nn.functional.softplus(hidden).sum().backward())),
        }, warmup: 3, rounds: rounds);

        var msPerFlop = t["sgemm"] / SgemmRate.PassFlops;
        var forwardMatmul = M2Flops.Joint(200, 100, forwardOnly: true) * msPerFlop;
        var backwardMatmul = (M2Flops.Joint(200, 100) - M2Flops.Joint(200, 100, forwardOnly: true)) * msPerFlop;
        var backward = t["forward+backward"] - t["forward"];
        var parameterCount = model.parameters().Sum(p => p.numel());
        var rows = new List<(string, double)>
        {
            ("forward: matrix products (FLOPs at the sgemm rate)", forwardMatmul),
            ("forward: the rest (element-wise, log-densities, graph)", t["forward"] - forwardMatmul),
            ("backward: matrix products", backwardMatmul),
            ("backward: the rest", backward - backwardMatmul),
            ($"Adam update ({parameterCount / 1e6:F2} M parameters)", t["adam"]),
            ("zero_grad and the rest of the step", t["step"] - t["forward+backward"] - t["adam"]),
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M2 joint step, {threads} thread(s), {rounds} interleaved rounds; CPU {CpuFeatures.Current.ModelName}; load {LoadAverage()}; sgemm {SgemmRate.PassFlops / t["sgemm"] / 1e6:F1} GFLOP/s; step {t["step"]:F1} ms"));
        foreach (var (name, ms) in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-58} {ms,7:F1} ms  {ms / t["step"],5:P0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  references: Bernoulli log-likelihood on [10, 200, 784], forward + backward {t["bernoulli"]:F1} ms; softplus on [10, 200, 500] {t["softplus"]:F1} ms"));
    }

    private static void Scoped(Action action)
    {
        using var scope = NewDisposeScope();
        action();
    }

    private static string LoadAverage() =>
        string.Join(' ', System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
}
