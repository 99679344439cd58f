using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ProbDsl.Bench;

/// <summary>
/// Runs this bench again as a child process with extra environment variables and returns the line its stdout
/// starts with <paramref name="marker"/>. Needed where a setting is fixed once per process (MKL's code path).
/// </summary>
internal static class ChildRun
{
    public static string Line(string arguments, IReadOnlyDictionary<string, string> environment, string marker)
    {
        var self = Environment.ProcessPath!;
        var prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? $"\"{Assembly.GetEntryAssembly()!.Location}\" " : "";
        var start = new ProcessStartInfo(self, prefix + arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return output.Split('\n').FirstOrDefault(l => l.StartsWith(marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"child '{arguments}' exited with {child.ExitCode}: {output}");
    }
}
