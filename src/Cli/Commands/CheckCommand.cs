using System.CommandLine;
using System.Linq;
using ProbDsl.Cli.Compiling;

namespace ProbDsl.Cli.Commands;

/// <summary><c>probdsl check FILE</c>: the diagnostics a build would show; exit 1 when any is an error.</summary>
internal static class CheckCommand
{
    public static Command Create(Terminal terminal)
    {
        var common = new CommonOptions();
        var command = new Command("check", "Compile a .pdsl file and print its diagnostics as the build shows them; exit code 1 on errors.");
        common.AddTo(command, withModelAndGuide: false);
        command.SetAction(parsed => CliApp.Guard(terminal, () =>
        {
            var file = CompiledFile.Load(parsed.GetValue(common.File)!, !parsed.GetValue(common.NoHoisting));
            BuildDiagnostics.WriteAll(file, terminal.Output);
            if (file.HasErrors)
                return ExitCodes.ModelErrors;
            var models = file.Program!.Models.Select(m => $"{m.Name} ({string.Join(", ", m.Guides.Select(g => g.Name))})");
            terminal.Error.WriteLine($"{file.Path}: no errors; models: {string.Join("; ", models)}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
