using System;
using System.IO;

namespace ProbDsl.Cli.Tests;

/// <summary>Runs the tool in process, exactly as its Main does, and captures what it writes.</summary>
internal static class Cli
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static string Model(string name) => Path.Combine(AppContext.BaseDirectory, "Models", name);
}
