using System;
using System.CommandLine;

namespace ProbDsl.Examples.Common;

/// <summary>Upper bounds for the options that size memory and threads, each with its reason in the message.</summary>
public static class SizeRules
{
    /// <summary>
    /// A step's memory grows linearly with the batch: issue #10 measured 12 GB at --batch-size 100000 for M2 with y
    /// enumerated (about 120 KB per example). 10,000 keeps a step near 1.2 GB, and is a sixth of MNIST's training set.
    /// </summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>
    /// libtorch starts one OS thread per requested thread (issue #10: --threads 999 made 2005), and more threads than
    /// cores only slow a step down (DESIGN.md §6: 10-25× when another process shares the cores). Twice the core count
    /// leaves room for hyper-threads and experiments, no more.
    /// </summary>
    public static int MaxThreads => Environment.ProcessorCount * 2;

    public static void BatchSize(params Option<int>[] options)
    {
        foreach (var option in options)
            OptionRules.Check(option, value => value is < 1 or > MaxBatchSize
                ? $"{option.Name} must be between 1 and {MaxBatchSize:N0} (a step's memory grows with the batch: about 120 KB per example for M2, so 12 GB at 100,000); got {value}."
                : null);
    }

    public static void Threads(Option<int> option) =>
        OptionRules.Check(option, value => value < 1 || value > MaxThreads
            ? $"{option.Name} must be between 1 and {MaxThreads} (twice this machine's {Environment.ProcessorCount} cores: each libtorch thread is an OS thread, and more than the cores only slow a step down); got {value}."
            : null);
}
