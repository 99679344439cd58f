using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// How to start this very tool again as a child process, whichever way it was started: as its own executable
/// (<c>dotnet run --project src/Cli</c> runs <c>bin/…/probdsl</c>; an installed tool runs the <c>probdsl</c> shim),
/// or as <c>dotnet probdsl.dll</c> (a test host loads the assembly into <c>dotnet</c>).
/// </summary>
internal sealed record ToolExecutable(string FileName, IReadOnlyList<string> LeadingArguments)
{
    public static ToolExecutable Current()
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "probdsl")
            return new ToolExecutable(process, []);
        var assembly = typeof(CliApp).Assembly.Location;
        var dotnet = process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? process
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return new ToolExecutable(dotnet, [assembly]);
    }

    public ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // never written; held open by compare, so that a run stops when it closes (ParentWatch)
        };
        foreach (var argument in LeadingArguments)
            info.ArgumentList.Add(argument);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return info;
    }

    public override string ToString() => string.Join(" ", [FileName, .. LeadingArguments]);
}
