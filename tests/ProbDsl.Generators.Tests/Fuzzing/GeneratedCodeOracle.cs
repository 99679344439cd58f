using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Whatever the generators emit must compile against ProbDsl.Inference, all files together (two models that
/// generate the same class would not). Compiling is slow, so each distinct output is compiled once, and only while
/// compiling has taken less than <see cref="FuzzSettings.CompileShare"/> of the run; the rest are counted as skipped.
/// </summary>
internal sealed class GeneratedCodeOracle
{
    /// <summary>As in <see cref="FuzzDriver"/>: derived compilations bind the references once.</summary>
    private static readonly Lazy<CSharpCompilation> NoSources = new(() => Tests.Fluent.AttributeHarness.Compilation(Array.Empty<SyntaxTree>()));

    private readonly HashSet<string> _seen = new();
    private readonly Stopwatch _run = Stopwatch.StartNew();
    private readonly Stopwatch _compiling = new();

    public int Compiled { get; private set; }

    public int Skipped { get; private set; }

    public IEnumerable<Finding> Check(FuzzBuild build)
    {
        // Workers share the outputs seen and the time spent compiling; one compiles at a time.
        lock (_seen)
            return Compile(build);
    }

    private IReadOnlyList<Finding> Compile(FuzzBuild build)
    {
        var trees = build.Run.GeneratedTrees;
        if (trees.IsEmpty || !_seen.Add(Key(build.Run)))
            return Array.Empty<Finding>();
        if (_compiling.Elapsed.TotalSeconds > FuzzSettings.CompileShare * _run.Elapsed.TotalSeconds && Compiled > 0)
        {
            Skipped++;
            return Array.Empty<Finding>();
        }
        _compiling.Start();
        var errors = NoSources.Value.AddSyntaxTrees(trees).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        _compiling.Stop();
        Compiled++;
        return errors.Take(1).Select(e => new Finding("generated code does not compile", $"{e.Id}: {e.GetMessage()}")).ToList();
    }

    public string Summary => $"{Compiled} distinct generated outputs compiled ({_compiling.Elapsed.TotalSeconds:F0} s), {Skipped} left uncompiled";

    private static string Key(GeneratorDriverRunResult run)
    {
        var text = string.Join("\0", run.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName + "\0" + s.SourceText));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
