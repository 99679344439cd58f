using System;
using System.Globalization;
using System.Linq;
using ProbDsl.Bench;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

// Generated M2 training step vs hand-written TorchSharp, same batch, same machine, one run.
// Usage: dotnet run --project bench/ProbDsl.Bench -c Release -- [--threads N] [--rounds N]
//        dotnet run --project bench/ProbDsl.Bench -c Release -- supervised-baseline [--labels N] [--epochs N] [--threads N]
//        dotnet run --project bench/ProbDsl.Bench -c Release -- k-scaling [--threads N] [--rounds N] [--memory-steps N]
//        dotnet run --project bench/ProbDsl.Bench -c Release -- epoch [--threads N] [--rounds N]
//        dotnet run --project bench/ProbDsl.Bench -c Release -- profile [--threads N] [--rounds N]
//        dotnet run --project bench/ProbDsl.Bench -c Release -- speed [--threads N (default: 1 and 2)] [--rounds N] [--repeats N]
var threads = ArgValue(args, "--threads", 1);
if (args.Length > 0 && args[0] == "speed")
{
    var threadCounts = Array.IndexOf(args, "--threads") >= 0 ? new[] { threads } : new[] { 1, 2 };
    SpeedComparison.Run(threadCounts, ArgValue(args, "--rounds", 10), ArgValue(args, "--repeats", 1));
    return;
}
if (args.Length > 0 && args[0] == "profile")
{
    StepProfile.Run(threads, ArgValue(args, "--rounds", 20));
    return;
}
if (args.Length > 0 && args[0] == SpeedProbe.ChildCommand)
{
    SpeedProbe.Run(threads, ArgValue(args, "--rounds", 10));
    return;
}
if (args.Length > 0 && args[0] == "epoch")
{
    EpochTime.Run(threads, ArgValue(args, "--rounds", 20));
    return;
}
if (args.Length > 0 && args[0] == PeakMemory.ChildCommand)
{
    PeakMemory.RunChild(args);
    return;
}
if (args.Length > 0 && args[0] == "k-scaling")
{
    KScaling.Run(threads, ArgValue(args, "--rounds", 10), ArgValue(args, "--memory-steps", 3));
    return;
}
if (args.Length > 0 && args[0] == "supervised-baseline")
{
    SupervisedBaseline.Run(ArgValue(args, "--labels", 3000), ArgValue(args, "--epochs", 10), threads);
    return;
}
var rounds = ArgValue(args, "--rounds", 30);
torch.set_num_threads(threads);
manual_seed(0);
Console.WriteLine(ProbDsl.Inference.Blas.BlasReport.Line());

const int unlabelledBatch = 200, labelledBatch = 100;
var xu = rand(unlabelledBatch, 784).gt(0.5).to(float32);
var xl = rand(labelledBatch, 784).gt(0.5).to(float32);
var yl = randint(0, 10, new long[] { labelledBatch }, dtype: int64);

var generated = new M2Structured();
var generatedOptimizer = optim.Adam(generated.parameters(), lr: 3e-4);
var objective = new SemiSupervisedObjective(alpha: 0.1, labelledCount: 3000, unlabelledCount: 57000);
var handWritten = new HandWrittenM2();
var handOptimizer = optim.Adam(handWritten.parameters(), lr: 3e-4);

void GeneratedStep()
{
    using var scope = NewDisposeScope();
    generatedOptimizer.zero_grad();
    objective.Loss(generated, xl, yl, xu).backward();
    generatedOptimizer.step();
}

void HandWrittenStep()
{
    using var scope = NewDisposeScope();
    handOptimizer.zero_grad();
    handWritten.Loss(xl, yl, xu).backward();
    handOptimizer.step();
}

Console.WriteLine($"M2 training step: unlabelled batch {unlabelledBatch} (10 classes enumerated), labelled batch {labelledBatch}, hidden 500, z 50, Adam; {threads} thread(s), {rounds} interleaved rounds");
var medians = StepTimer.MedianMilliseconds(new (string, Action)[] { ("generated", GeneratedStep), ("hand-written", HandWrittenStep) }, warmup: 5, rounds: rounds);
foreach (var (name, ms) in medians)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-13} {ms,8:F1} ms/step (median)"));
var speed = medians["hand-written"] / medians["generated"];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  speed of generated relative to hand-written: {speed:F2}x (target >= 0.95x)"));

static int ArgValue(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
