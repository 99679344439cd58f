using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Bench;

/// <summary>
/// Training-step time of enumerate, relax and reinforce for K = 10, 20, 50, 100 classes (synthetic binary
/// images, hidden 500, z 50, unlabelled batch 200, labelled batch 100), interleaved per K, with a labelled-only
/// step as the unit that enumeration should cost about K of; then each strategy's peak step memory per K, each
/// measured in a child process of its own (see <see cref="PeakMemory"/>).
/// </summary>
internal static class KScaling
{
    private static readonly string[] Strategies = { "enumerate", "relax", "reinforce" };

    public static void Run(int threads, int rounds, int memorySteps)
    {
        torch.set_num_threads(threads);
        Console.WriteLine(ProbDsl.Inference.Blas.BlasReport.Line());
        Console.WriteLine($"Step time by number of classes K; {threads} thread(s), {rounds} interleaved rounds, medians");
        Console.WriteLine("    K | labelled (ms) | enumerate (ms) | relax (ms) | reinforce (ms) | enum/labelled | enum/K·labelled | enum/relax");
        var relaxAt10 = 0.0;
        foreach (var k in new[] { 10, 20, 50, 100 })
        {
            manual_seed(0);
            var (enumerate, relax, reinforce) = (Create(k, "enumerate"), Create(k, "relax"), Create(k, "reinforce"));
            var xu = rand(200, 784).gt(0.5).to(float32);
            var xl = rand(100, 784).gt(0.5).to(float32);
            var yl = randint(0, k, new long[] { 100 }, dtype: int64);
            var medians = StepTimer.MedianMilliseconds(new (string, Action)[]
            {
                ("labelled", Labelled(enumerate, xl, yl)),
                ("enumerate", Step(enumerate, xl, yl, xu)),
                ("relax", Step(relax, xl, yl, xu)),
                ("reinforce", Step(reinforce, xl, yl, xu)),
            }, warmup: 3, rounds: rounds);
            if (k == 10)
                relaxAt10 = medians["relax"];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {k,3} | {medians["labelled"],13:F1} | {medians["enumerate"],14:F1} | {medians["relax"],10:F1} | {medians["reinforce"],14:F1} | {medians["enumerate"] / medians["labelled"],13:F1} | {medians["enumerate"] / (k * medians["labelled"]),15:F2} | {medians["enumerate"] / medians["relax"],10:F1}"));
            foreach (var module in new nn.Module[] { (nn.Module)enumerate, (nn.Module)relax, (nn.Module)reinforce })
                module.Dispose();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  relax at K = 10: {relaxAt10:F1} ms (compare the relax column for flatness in K)"));
        ReportMemory(threads, memorySteps);
    }

    private static void ReportMemory(int threads, int steps)
    {
        Console.WriteLine($"Peak memory of {steps} training steps, MiB above the set-up process (whole-process VmHWM in brackets); one child process per cell");
        Console.WriteLine("    K | " + string.Join(" | ", Strategies.Select(s => $"{s,22}")));
        foreach (var k in new[] { 10, 20, 50, 100 })
        {
            var cells = Strategies.Select(s => PeakMemory.Measure(k, s, steps, threads))
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.StepPeak,10:F0} ({m.ProcessPeak,7:F0})"));
            Console.WriteLine($"  {k,3} | " + string.Join(" | ", cells.Select(c => $"{c,22}")));
        }
    }

    /// <summary>The generated M2 (kscaling.pdsl) with <paramref name="k"/> classes and y handled by <paramref name="strategy"/>.</summary>
    public static ISemiSupervisedModel Create(int k, string strategy) => (k, strategy) switch
    {
        (10, "enumerate") => new K10EnumerateS(),
        (10, "relax") => new K10RelaxS(),
        (10, "reinforce") => new K10ReinforceS(),
        (20, "enumerate") => new K20EnumerateS(),
        (20, "relax") => new K20RelaxS(),
        (20, "reinforce") => new K20ReinforceS(),
        (50, "enumerate") => new K50EnumerateS(),
        (50, "relax") => new K50RelaxS(),
        (50, "reinforce") => new K50ReinforceS(),
        (100, "enumerate") => new K100EnumerateS(),
        (100, "relax") => new K100RelaxS(),
        (100, "reinforce") => new K100ReinforceS(),
        _ => throw new ArgumentException($"No k-scaling model for K = {k} with '{strategy}'."),
    };

    /// <summary>One full training step: the Eq. 9 loss on both batches, backward, Adam.</summary>
    public static Action Step(ISemiSupervisedModel model, Tensor xl, Tensor yl, Tensor xu)
    {
        var optimizer = optim.Adam(((nn.Module)model).parameters(), lr: 3e-4);
        var objective = new SemiSupervisedObjective(0.1, 3000, 57000);
        return () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            objective.Loss(model, xl, yl, xu).backward();
            optimizer.step();
        };
    }

    /// <summary>The unit of cost: a labelled bound step on a batch as large as the unlabelled one.</summary>
    private static Action Labelled(ISemiSupervisedModel model, Tensor xl, Tensor yl)
    {
        var optimizer = optim.Adam(((nn.Module)model).parameters(), lr: 3e-4);
        var x = cat(new[] { xl, xl }, 0);
        var y = cat(new[] { yl, yl }, 0);
        return () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            model.LabelledBound(x, y).mean().neg().backward();
            optimizer.step();
        };
    }
}
