using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProbDsl.Cli.Compiling;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// Checks before any run starts that the file compiles and that every guide and estimator asked for exists, so a
/// typo fails once, naming the option, instead of once per run in each run's log.
/// </summary>
internal static class CompareCheck
{
    /// <returns>Every guide × estimator, in the order given; null when the model has errors (printed as the build prints them).</returns>
    /// <exception cref="UserError">A missing file, guide or variable, or a strategy that does not parse.</exception>
    public static IReadOnlyList<Variant>? Variants(string path, string? modelName, string? guideList, string? inferList, Terminal terminal)
    {
        if (!File.Exists(path))
            throw new UserError($"{path}: no such file.");
        var file = CompiledFile.Load(path, hoisting: true);
        if (file.HasErrors)
        {
            BuildDiagnostics.WriteAll(file, terminal.Output);
            return null;
        }
        var model = file.SelectModel(modelName);
        var guides = guideList is null ? model.Guides.Select(g => g.Name).ToList() : ListOption.Names("--guides", guideList);
        foreach (var guide in guides.Where(g => model.Guides.All(known => known.Name != g)))
            throw new UserError($"--guides {guideList}: model {model.Name} has no guide '{guide}'; its guides are {string.Join(", ", model.Guides.Select(g => g.Name))}.");
        IReadOnlyList<string?> strategies = inferList is null ? new string?[] { null } : ListOption.Strategies("--infer", inferList).ToArray<string?>();
        foreach (var strategy in strategies.OfType<string>())
            InferenceOverride.Apply(model, InferenceOverride.Parse(strategy)); // throws a UserError naming --infer
        var variants = guides.SelectMany(g => strategies.Select(s => new Variant(g, s))).ToList();
        var clash = variants.GroupBy(v => v.RunName(0)).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new UserError($"--infer {inferList}: {string.Join(" and ", clash.Select(v => v.Infer))} would share the run name {clash.Key}; write them apart.");
        return variants;
    }
}
