using System.CommandLine;
using ProbDsl.Cli.Compiling;

namespace ProbDsl.Cli.Commands;

/// <summary>
/// <c>probdsl emit FILE</c>: the C# the build-time generator writes for the file, byte for byte (one
/// <c>Model.g.cs</c> per model; with several models each is preceded by a <c>// ==== Name.g.cs</c> line).
/// </summary>
internal static class EmitCommand
{
    public static Command Create(Terminal terminal)
    {
        var common = new CommonOptions();
        var command = new Command("emit", "Print the C# the source generator writes for a .pdsl file.");
        common.AddTo(command, withModelAndGuide: false);
        command.SetAction(parsed => CliApp.Guard(terminal, () =>
        {
            var file = CompiledFile.Load(parsed.GetValue(common.File)!, !parsed.GetValue(common.NoHoisting));
            if (file.HasErrors)
            {
                BuildDiagnostics.WriteAll(file, terminal.Output);
                return ExitCodes.ModelErrors;
            }
            foreach (var source in file.Sources)
            {
                if (file.Sources.Length > 1)
                    terminal.Output.WriteLine($"// ==== {source.HintName}");
                terminal.Output.Write(source.Text);
            }
            // Warnings and notes go to stderr so that stdout stays compilable C#.
            BuildDiagnostics.WriteAll(file, terminal.Error);
            return ExitCodes.Success;
        }));
        return command;
    }
}
