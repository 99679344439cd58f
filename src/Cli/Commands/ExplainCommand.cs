using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using ProbDsl.Cli.Compiling;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Cli.Commands;

/// <summary>
/// <c>probdsl explain FILE [--guide G]</c>: the compiler's explanation of each guide — factorisations, the bounds,
/// how each continuous term is computed, the independences assumed and whether the guide is faithful. The same
/// text the generated classes carry as <c>GuideExplanation</c>.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(Terminal terminal)
    {
        var common = new CommonOptions();
        var command = new Command("explain", "Explain what each guide of a model assumes and which bound it optimises.");
        common.AddTo(command, withModelAndGuide: true);
        command.SetAction(parsed => CliApp.Guard(terminal, () =>
        {
            var file = CompiledFile.Load(parsed.GetValue(common.File)!, !parsed.GetValue(common.NoHoisting));
            if (file.HasErrors)
            {
                BuildDiagnostics.WriteAll(file, terminal.Output);
                return ExitCodes.ModelErrors;
            }
            // The checker explained every guide already; the plan carries its explanation (null only on PDSL0999).
            var planned = file.Plan?.Models.SelectMany(m => m.Guides).ToList();
            var explanations = Select(file, parsed.GetValue(common.Model), parsed.GetValue(common.Guide))
                .Select(pair => (planned?.FirstOrDefault(g => g.Model.Name == pair.Model.Name && g.Guide.Name == pair.Guide.Name)?.Explanation
                    ?? GuideAnalyzer.Explain(pair.Model, pair.Guide)).ToString());
            terminal.Output.Write(string.Join(terminal.Output.NewLine, explanations));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>One guide when --guide is given; else every guide of --model, or of every model in the file.</summary>
    private static IEnumerable<(ModelIr Model, GuideIr Guide)> Select(CompiledFile file, string? modelName, string? guideName)
    {
        if (guideName is not null)
        {
            var model = file.SelectModel(modelName);
            return new[] { (model, CompiledFile.SelectGuide(model, guideName)) };
        }
        IEnumerable<ModelIr> models = modelName is null ? file.Program!.Models : new[] { file.SelectModel(modelName) };
        return models.SelectMany(m => m.Guides.Select(g => (m, g)));
    }
}
