using System.Collections.Generic;

namespace ProbDsl.Cli.Slurm;

/// <summary>
/// One run to hand to Slurm: a name for the display, the run directory it trains into (on a file system the
/// compute nodes share) and the command line of a fresh run, program first (e.g. <c>probdsl train m2.pdsl …</c>).
/// The job script resumes it by appending the job options' resume flag and the run directory.
/// The same shape as compare's <c>RunTask(Name, RunDirectory, TrainArguments)</c> with the program made explicit.
/// </summary>
internal sealed record SlurmTask(string Name, string RunDirectory, IReadOnlyList<string> CommandLine);

/// <summary>A task with its index in the job array: its position in the full list of the comparison, kept on resubmission.</summary>
internal sealed record ArrayTask(int Index, SlurmTask Task);
