using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Training;

/// <summary>
/// Progress inside an epoch as plain lines (<c>progress epoch 2/10 step 120/300</c>), at most one every two seconds,
/// for a parent process that reads the run's output (<c>probdsl compare</c> draws its bars from them). A terminal
/// gets a live bar instead; a log without a parent needs only the epoch lines.
/// </summary>
internal sealed class StepLines : IProgress<StepProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly TextWriter _output;
    private readonly int _epochs;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

    public StepLines(TextWriter output, int epochs)
    {
        _output = output;
        _epochs = epochs;
    }

    public const string Prefix = "progress epoch ";

    public void Report(StepProgress value)
    {
        if (_sinceLast.Elapsed < Interval)
            return;
        _sinceLast.Restart();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{value.Epoch}/{_epochs} step {value.Step}/{value.StepsPerEpoch}"));
        _output.Flush();
    }
}
