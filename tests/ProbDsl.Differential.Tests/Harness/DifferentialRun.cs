using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ProbDsl.Compiler;
using ProbDsl.Differential.Tests.Interpreter;
using ProbDsl.Differential.Tests.RandomModels;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Differential.Tests.Harness;

/// <summary>
/// Generates models, compiles each to C# with the real code generator, compiles the C# in batches, and checks every
/// generated module against the reference interpreter (<see cref="ModuleCheck"/>).
/// </summary>
public sealed class DifferentialRun
{
    private readonly ulong _seed;
    private readonly int _models;
    private readonly int _batchSize;
    private readonly Action<string> _progress;

    public DifferentialRun(ulong seed, int models, int batchSize, Action<string> progress)
    {
        _seed = seed;
        _models = models;
        _batchSize = batchSize;
        _progress = progress;
    }

    private sealed record Candidate(int Index, string Name, string Text, string Source);

    public DifferentialReport Execute() => Execute(Enumerable.Range(0, _models).ToList());

    /// <summary>Only the models with these numbers in the seed's stream: to reproduce a reported mismatch (model R123 is number 123).</summary>
    public DifferentialReport Execute(IReadOnlyList<int> indices)
    {
        var report = new DifferentialReport { Seed = _seed };
        for (var start = 0; start < indices.Count; start += _batchSize)
        {
            var candidates = indices.Skip(start).Take(_batchSize)
                .Select(i => (Index: i, Spec: ModelGenerator.Generate(_seed, i)))
                .Select(m => Generate(m.Index, m.Spec.Name, PdslWriter.Write(m.Spec), Options(m.Index), report)).Where(c => c is not null).Select(c => c!).ToList();
            CheckBatch(candidates, $"Differential{start}", report);
            _progress($"{Math.Min(start + _batchSize, indices.Count)}/{indices.Count} models: {report.Compared} compared, {report.Mismatches.Count} mismatching, {report.Errors.Count} errors");
        }
        return report;
    }

    /// <summary>Checks models written by hand (one model per text) exactly as the random ones, in one batch.</summary>
    public DifferentialReport CheckTexts(IReadOnlyList<string> texts)
    {
        var report = new DifferentialReport { Seed = _seed };
        var candidates = texts.Select((text, i) => Generate(i, $"text{i}", text, GenerationOptions.Default, report)).Where(c => c is not null).Select(c => c!).ToList();
        CheckBatch(candidates, "DifferentialTexts", report);
        return report;
    }

    /// <summary>The model's generated C#, or null when it was refused (counted) or rejected (an error).</summary>
    private static Candidate? Generate(int index, string name, string text, GenerationOptions options, DifferentialReport report)
    {
        report.Generated++;
        var (sources, diagnostics) = ProbDslCodeGenerator.Generate(text, name + ".pdsl", options);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        foreach (var wrong in errors.Where(d => d.Id != "PDSL0901"))
            report.Errors.Add((text, $"rejected with {wrong}"));
        if (errors.Count > 0 && errors.All(d => d.Id == "PDSL0901"))
            report.Refused++;
        foreach (var refusal in errors.Where(d => d.Id == "PDSL0901"))
        {
            if (!IsLocated(refusal.Span, text))
                report.Errors.Add((text, $"refusal without a location inside the text: {refusal}"));
            var reason = Reason(refusal.Message);
            report.RefusedByReason[reason] = report.RefusedByReason.GetValueOrDefault(reason) + 1;
        }
        if (Environment.GetEnvironmentVariable("PROBDSL_DIFFERENTIAL_DUMP") is { Length: > 0 } dump)
            Dump(dump, name, text, sources);
        return errors.Count == 0 ? new Candidate(index, name, text, sources.Single().Text) : null;
    }

    /// <summary>Every fourth model is compiled with hoisting off: the other emission of multi-input networks.</summary>
    private static GenerationOptions Options(int index) => index % 4 == 3 ? new GenerationOptions(Hoisting: false) : GenerationOptions.Default;

    /// <summary>PROBDSL_DIFFERENTIAL_DUMP=dir writes every model's .pdsl and generated C# there, to read a mismatch.</summary>
    private static void Dump(string directory, string name, string text, IEnumerable<GeneratedSource> sources)
    {
        System.IO.Directory.CreateDirectory(directory);
        System.IO.File.WriteAllText(System.IO.Path.Combine(directory, name + ".pdsl"), text);
        foreach (var source in sources)
            System.IO.File.WriteAllText(System.IO.Path.Combine(directory, name + ".g.cs"), source.Text);
    }

    private static bool IsLocated(SourceSpan span, string text) => !span.IsNone && span.Length > 0 && span.Offset >= 0 && span.Offset + span.Length <= text.Length;

    /// <summary>A refusal's message with the variable names (x, y, z1, c2, …) written v, so equal reasons count together.</summary>
    private static string Reason(string message)
    {
        var named = Regex.Replace(message, @"\b(x|y|[zc]\d+)\b", "v");
        return Regex.Replace(Regex.Replace(named, @"v(, v)+", "v…"), @"\|v(,v)+\)", "|v…)");
    }

    private void CheckBatch(IReadOnlyList<Candidate> candidates, string name, DifferentialReport report)
    {
        if (candidates.Count == 0)
            return;
        var compiled = BatchCompiler.Compile(candidates.Select(c => c.Source).ToList(), name);
        foreach (var (index, error) in compiled.Errors)
            report.Errors.Add((candidates[index].Text, $"generated C# does not compile: {error}"));
        for (var i = 0; i < candidates.Count; i++)
        {
            if (compiled.Errors.ContainsKey(i))
                continue;
            report.Compiled++;
            Check(candidates[i], compiled.Assembly!, report);
        }
        compiled.Context?.Unload();
    }

    private void Check(Candidate candidate, System.Reflection.Assembly assembly, DifferentialReport report)
    {
        var model = PdslCompiler.Compile(candidate.Text, candidate.Name + ".pdsl").Value!.Models.Single();
        var findings = new List<Finding>();
        foreach (var guide in model.Guides)
        {
            var type = assembly.GetType($"ProbDsl.Models.{Naming.Pascal(model.Name)}{Naming.Pascal(guide.Name)}", throwOnError: true)!;
            var check = new ModuleCheck(model, guide, type, _seed * 1_000_003 + (ulong)candidate.Index);
            findings.AddRange(check.Run());
            report.Compared++;
            report.StatisticalChecks += check.StatisticalChecks;
            report.InconclusiveChecks += check.InconclusiveChecks;
            report.ExtremeComparisons += check.ExtremeComparisons;
            if (check.SharedNoise.Count > 0)
                report.SharedNoise.Add((candidate.Text, $"guide {guide.Name}: by default one draw of {string.Join(", ", check.SharedNoise)} is shared by every example of a batch"));
        }
        if (findings.Count > 0)
            report.Mismatches.Add((candidate.Text, findings));
    }
}
