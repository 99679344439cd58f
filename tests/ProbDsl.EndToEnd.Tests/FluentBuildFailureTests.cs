using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// A real `dotnet build` of a C# file with a broken [ProbModel] chain and broken inline text fails, and the compiler's
/// output names the C# file, line and column of each mistake.
/// </summary>
public class FluentBuildFailureTests
{
    private const string Models = """"
        using ProbDsl.Dsl.Fluent;
        using ProbDsl.Dsl.Ir;

        public static class Models
        {
            [ProbModel]
            public static ModelBuilder Fluent() => Model.Define("Fluent")
                .Data("x", DistributionFamily.Bernoulli, 4)
                .Latent("z", DistributionFamily.Normal, 2)
                .Net("dec", Mlp.From("z").Hidden(5).To("x.logits"))
                .P("z", Dist.Normal(0, 1))
                .P("x", ["z"], Dist.Bernoulli(logits: Net.Call("dec", "z")))
                .Guide("G", Guide.Q("x", Dist.Bernoulli(0)))
                .Elbo();
        }

        [ProbModel("""
            model Inline {
              data x : Bernoulli[4]
              latent z Normal[2]
            }
            """)]
        public static class InlineModels
        {
        }
        """";

    [Fact]
    public void Fluent_and_inline_errors_fail_the_build_at_their_CSharp_line_and_column()
    {
        var (exitCode, output, path) = Build(Models);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{path}(13,10): error PDSL0301", output); // .Guide("G", ...) misses z
        Assert.Contains($"{path}(13,27): error PDSL0303", output); // its Q("x", ...) targets data
        Assert.Contains($"{path}(20,16): error PDSL0001", output); // 'latent z Normal' lacks ':'
    }

    private static (int ExitCode, string Output, string SourcePath) Build(string source)
    {
        var directory = Path.Combine(Path.GetTempPath(), "probdsl-fluent-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var sourcePath = Path.Combine(directory, "Models.cs");
        File.WriteAllText(sourcePath, source);
        var assemblies = BuildFailureTests.GeneratorAssemblies();
        var analyzers = string.Concat(assemblies.Select(a => $"<Analyzer Include=\"{a}\" />"));
        var dsl = assemblies.Single(a => Path.GetFileName(a) == "ProbDsl.Dsl.dll");
        File.WriteAllText(Path.Combine(directory, "Probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><Reference Include="{dsl}" />{analyzers}</ItemGroup>
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet", "build -nologo -clp:NoSummary")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(300_000), "dotnet build timed out");
        return (process.ExitCode, output.Result + error.Result, sourcePath);
    }
}
