using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Blas;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// The test assembly's own entry point (GenerateProgramFile=false), used only as a child process by tests that need
/// a fresh process: MKL fixes its code path once per process, so the fast path on and off need one process each.
/// The test host never calls it.
/// </summary>
public static class Program
{
    public const string M2StepCommand = "m2-step";

    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == M2StepCommand)
            return M2Step(args[1]);
        Console.Error.WriteLine($"usage: {M2StepCommand} <output file>  (a child of MklFastPathTests)");
        return 2;
    }

    /// <summary>
    /// One float32 training step's loss and gradients of the generated M2 (Eq. 9 loss, y enumerated) with fixed
    /// weights, batches and noise, written as float32s (loss, then every gradient in parameter order); prints the
    /// MKL state so the test can tell which path ran.
    /// </summary>
    private static int M2Step(string outputFile)
    {
        torch.set_num_threads(1);
        manual_seed(3);
        using var model = new M2Structured();
        using var generator = new Generator(4);
        var xu = rand(new long[] { 64, 784 }, generator: generator).gt(0.5).to(float32);
        var xl = rand(new long[] { 32, 784 }, generator: generator).gt(0.5).to(float32);
        var yl = randint(0, 10, new long[] { 32 }, generator: generator, dtype: int64);
        var objective = new SemiSupervisedObjective(alpha: 0.1, labelledCount: 3000, unlabelledCount: 47000);
        manual_seed(11);
        var loss = objective.Loss(model, xl, yl, xu);
        loss.backward();
        var values = new[] { loss.reshape(1) }.Concat(model.parameters().Select(p => p.grad!.flatten())).ToArray();
        File.WriteAllBytes(outputFile, cat(values, 0).to(float32).data<float>().ToArray().SelectMany(BitConverter.GetBytes).ToArray());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mkl shim={MklFastPath.Apply().ShimLoaded} branch={BlasReport.MklCpuBranch()}"));
        return 0;
    }
}
