using System.Collections.Generic;

namespace ProbDsl.Cli.Compare;

/// <summary>
/// One training run of a comparison: a variant (guide × estimator) with one seed. <paramref name="TrainArguments"/>
/// is the tool's command line for it, starting with <c>train</c> (the tool's own path is the launcher's business,
/// see <see cref="ToolExecutable"/>); every result and checkpoint goes to <paramref name="RunDirectory"/>, so any
/// launcher that runs it there — a local process, a Slurm job — produces the same files.
/// </summary>
/// <param name="Name">Unique within the comparison, and the run directory's name: <c>GUIDE-INFER-seedK</c>.</param>
public sealed record RunTask(string Name, string RunDirectory, IReadOnlyList<string> TrainArguments);
