using System.CommandLine;

namespace ProbDsl.Cli.Commands;

/// <summary>The arguments every command shares: the .pdsl file, which model and guide, and the emitter's switch.</summary>
internal sealed class CommonOptions
{
    public Argument<string> File { get; } = new("file") { Description = "The .pdsl file." };

    public Option<string?> Model { get; } = new("--model") { Description = "The model to use, when the file declares several." };

    public Option<string?> Guide { get; } = new("--guide") { Description = "The guide to use (default: every guide, or the only one)." };

    public Option<bool> NoHoisting { get; } = new("--no-hoisting")
    {
        Description = "Compile as the build does with ProbDslHoisting=\"false\" (inputs broadcast and concatenated before a network's first layer).",
    };

    public void AddTo(Command command, bool withModelAndGuide)
    {
        command.Arguments.Add(File);
        if (withModelAndGuide)
        {
            command.Options.Add(Model);
            command.Options.Add(Guide);
        }
        command.Options.Add(NoHoisting);
    }
}
