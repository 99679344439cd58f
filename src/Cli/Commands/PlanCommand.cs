using System.CommandLine;
using System.Linq;
using ProbDsl.Cli.Compiling;
using ProbDsl.Compiler.Planning;

namespace ProbDsl.Cli.Commands;

/// <summary>
/// <c>probdsl plan FILE [--model M] [--guide G]</c>: the decisions the emitter follows for each guide — per bound,
/// which discrete latents are enumerated on which dimension, how each guide factor is treated, the enumerated
/// dimensions of every network call and term, which terms are analytic and which sampled (and why), how terms are
/// grouped for summation, hoisting and the variables' C# names (<see cref="PlanPrinter"/>).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(Terminal terminal)
    {
        var common = new CommonOptions();
        var command = new Command("plan", "Print the compiler's plan for each guide: enumerated dimensions, terms and how they are computed, summation groups.");
        common.AddTo(command, withModelAndGuide: true);
        command.SetAction(parsed => CliApp.Guard(terminal, () =>
        {
            var file = CompiledFile.Load(parsed.GetValue(common.File)!, !parsed.GetValue(common.NoHoisting));
            if (file.HasErrors || file.Plan is null)
            {
                BuildDiagnostics.WriteAll(file, terminal.Output);
                return ExitCodes.ModelErrors;
            }
            var modelName = parsed.GetValue(common.Model);
            var guideName = parsed.GetValue(common.Guide);
            var models = modelName is null && guideName is null ? file.Program!.Models.ToList() : new() { file.SelectModel(modelName) };
            var guides = file.Plan.Models.Where(m => models.Any(model => model.Name == m.Model.Name)).SelectMany(m => m.Guides)
                .Where(g => guideName is null || g.Guide.Name == CompiledFile.SelectGuide(g.Model, guideName).Name);
            terminal.Output.Write(string.Join(terminal.Output.NewLine, guides.Select(g => PlanPrinter.Print(g, file.Plan.Options.Hoisting))));
            BuildDiagnostics.WriteAll(file, terminal.Error);
            return ExitCodes.Success;
        }));
        return command;
    }
}
