using System.CommandLine;
using System.IO;

namespace ProbDsl.Cli.Compare;

/// <summary><c>probdsl report DIR</c>: (re)writes the report of a comparison directory, also while or after runs were interrupted.</summary>
internal static class ReportCommand
{
    public static Command Create(Terminal terminal)
    {
        var directory = new Argument<string>("directory") { Description = "The --out directory of a probdsl compare." };
        var command = new Command("report", "Write report.md and report.html (with PNG plots) for a comparison directory, from the runs finished so far.");
        command.Arguments.Add(directory);
        command.SetAction(parsed => CliApp.Guard(terminal, () =>
        {
            var path = parsed.GetValue(directory)!;
            if (!Directory.Exists(path))
                throw new UserError($"{path}: no such directory.");
            var (markdown, html) = ComparisonReport.Write(path);
            terminal.Output.WriteLine($"report: {markdown} and {html}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
