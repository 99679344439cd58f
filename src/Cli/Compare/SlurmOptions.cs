using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using ProbDsl.Cli.Commands;
using ProbDsl.Cli.Slurm;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// The options of <c>probdsl compare</c> that only <c>--on slurm</c> uses, passed through to <c>#SBATCH</c> lines as
/// given (Slurm checks them at submission and its message is shown): <see cref="SlurmJobOptions"/> from a command line.
/// </summary>
internal sealed class SlurmOptions
{
    public Option<string?> Partition { get; } = new("--partition") { Description = "With --on slurm: the partition (#SBATCH --partition)." };

    public Option<string?> Time { get; } = new("--time") { Description = "With --on slurm: wall time per run, as sbatch takes it (4:00:00, 1-00:00:00, minutes)." };

    public Option<int?> CpusPerTask { get; } = new("--cpus-per-task") { Description = "With --on slurm: cores per run; also each run's --threads unless --threads is given." };

    public Option<string?> Gres { get; } = new("--gres") { Description = "With --on slurm: generic resources per run, e.g. gpu:1." };

    public Option<string?> Mem { get; } = new("--mem") { Description = "With --on slurm: memory per run, e.g. 16G." };

    public Option<int?> MaxParallel { get; } = new("--max-parallel") { Description = "With --on slurm: at most this many runs at once (--array=…%N)." };

    public Option<string[]> Sbatch { get; } = new("--sbatch")
    {
        Description = "With --on slurm: another #SBATCH option, as sbatch takes it, e.g. --sbatch account=abc --sbatch qos=long (repeatable; the leading -- may be left out).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Setup { get; } = new("--setup")
    {
        Description = "With --on slurm: a shell line each task runs before training, e.g. --setup 'module load cuda' --setup 'export PROBDSL_DATA=/shared/mnist' (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    private IEnumerable<Option> All => [Partition, Time, CpusPerTask, Gres, Mem, MaxParallel, Sbatch, Setup];

    public void AddTo(Command command)
    {
        foreach (var option in All)
            command.Options.Add(option);
        OptionRules.Positive(CpusPerTask, MaxParallel);
    }

    /// <summary>The options of these given on the command line.</summary>
    public IEnumerable<Option> Given(ParseResult parsed) =>
        All.Where(option => parsed.GetResult(option) is System.CommandLine.Parsing.OptionResult { Implicit: false });

    public SlurmJobOptions JobOptions(ParseResult parsed) => new()
    {
        Partition = parsed.GetValue(Partition),
        Time = parsed.GetValue(Time),
        CpusPerTask = parsed.GetValue(CpusPerTask),
        Gres = parsed.GetValue(Gres),
        Mem = parsed.GetValue(Mem),
        MaxParallel = parsed.GetValue(MaxParallel),
        ExtraDirectives = (parsed.GetValue(Sbatch) ?? []).Select(Directive).ToList(),
        Setup = parsed.GetValue(Setup) ?? [],
    };

    private static string Directive(string option)
    {
        option = option.Trim();
        if (option.Length == 0)
            throw new UserError("--sbatch '': give an sbatch option, e.g. --sbatch account=abc.");
        return option.StartsWith('-') ? option : "--" + option;
    }
}
