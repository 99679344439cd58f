using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ProbDsl.Cli.Tests;

namespace ProbDsl.Compare.Tests;

/// <summary>
/// A fresh directory with the bars data (<see cref="BarsData"/>: 4×4 images, four classes) as .npy files, and the
/// tool run on it in process (as its Main does) or as a child process that a test can kill.
/// </summary>
public abstract class CompareFixture : IDisposable
{
    protected CompareFixture()
    {
        Directory.CreateDirectory(Root);
        (Images, Labels) = BarsData.WriteNpy(Root, count: 1200, seed: 1);
    }

    protected string Root { get; } = Path.Combine(Path.GetTempPath(), "probdsl-compare-tests", Guid.NewGuid().ToString("N"));

    protected string Images { get; }

    protected string Labels { get; }

    protected string Out => Path.Combine(Root, "out");

    protected static string Model => Path.Combine(AppContext.BaseDirectory, "Models", "bars2.pdsl");

    /// <summary>The data options every comparison here passes through to its runs: small and quick.</summary>
    protected IEnumerable<string> Data(int batchSize = 100) =>
        ["--data", $"x={Images}", "--label", $"y={Labels}", "--labels", "40", "--batch-size", batchSize.ToString(), "--learning-rate", "0.01"];

    protected static (int ExitCode, string Output, string Error) Run(IEnumerable<string> args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.CliApp.Run(args.ToArray(), output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The tool as its own process, started as compare starts its runs; output discarded; for a test to kill.</summary>
    protected static Process Start(IEnumerable<string> args)
    {
        var process = Process.Start(Cli.Compare.ToolExecutable.Current().StartInfo(args))!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    protected string RunDirectory(string name) => Path.Combine(Out, "runs", name);

    public void Dispose()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
