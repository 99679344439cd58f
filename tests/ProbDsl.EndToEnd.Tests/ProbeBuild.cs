using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// A throw-away project in a temporary folder with one source file and the built generator as an analyzer, built
/// with a real <c>dotnet build</c>: what a user sees in a terminal. The folder is deleted after the build.
/// </summary>
internal static class ProbeBuild
{
    /// <param name="fileName">The file's name in the project folder.</param>
    /// <param name="items">The project's items besides the analyzers, e.g. <c>&lt;AdditionalFiles Include="model.pdsl" /&gt;</c>.</param>
    public static (int ExitCode, string Output, string FilePath) Run(string fileName, string content, string items)
    {
        var directory = Path.Combine(Path.GetTempPath(), "probdsl-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var filePath = Path.Combine(directory, fileName);
        File.WriteAllText(filePath, content);
        var analyzers = string.Concat(GeneratorAssemblies().Select(a => $"<Analyzer Include=\"{a}\" />"));
        File.WriteAllText(Path.Combine(directory, "Probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>{items}{analyzers}</ItemGroup>
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet", "build -nologo -clp:NoSummary")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(300_000), "dotnet build timed out");
            return (process.ExitCode, output.Result + error.Result, filePath);
        }
        finally
        {
            // The path is only compared as text with the build's output; the project itself is not needed after it.
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The built generator with its dependencies, as a package consumer would get them.</summary>
    public static string[] GeneratorAssemblies()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ProbDsl.sln")))
            root = root.Parent;
        Assert.NotNull(root);
        var generator = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(root!.FullName, "src", "Generators", "bin", c, "netstandard2.0", "ProbDsl.Generators.dll"))
            .Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).First();
        var dsl = Path.Combine(Path.GetDirectoryName(generator)!.Replace(Path.Combine("Generators", "bin"), Path.Combine("Dsl", "bin")), "ProbDsl.Dsl.dll");
        var compiler = Path.Combine(Path.GetDirectoryName(generator)!.Replace(Path.Combine("Generators", "bin"), Path.Combine("Compiler", "bin")), "ProbDsl.Compiler.dll");
        var sprache = typeof(Sprache.Parse).Assembly.Location;
        return new[] { generator, dsl, compiler, sprache };
    }
}
