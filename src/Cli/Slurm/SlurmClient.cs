using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Cli.Slurm;

/// <summary>
/// Slurm's command-line clients as this tool uses them: <c>sbatch --parsable</c> to submit, <c>squeue</c> (and
/// <c>sacct</c> for tasks that have left the queue, where the cluster keeps accounting) to follow, <c>scancel</c>.
/// </summary>
internal sealed class SlurmClient(ICommandRunner runner)
{
    private bool accountingWorks = true;

    /// <summary>Submits a job script; returns the job id. Throws a <see cref="UserError"/> that says what to do when it cannot.</summary>
    public string Submit(string scriptPath)
    {
        var result = runner.Run("sbatch", ["--parsable", scriptPath]) ?? throw NotFound("sbatch");
        if (!result.Succeeded)
        {
            throw new UserError($"sbatch refused the job (exit code {result.ExitCode}): {FirstLines(result.Error + result.Output)}; the script is {scriptPath}");
        }

        // --parsable prints "jobid" or "jobid;cluster".
        var id = result.Output.Trim().Split(';')[0];
        if (id.Length == 0 || !id.All(char.IsAsciiDigit))
        {
            throw new UserError($"sbatch did not print a job id (it printed '{result.Output.Trim()}'); the script is {scriptPath}");
        }

        return id;
    }

    /// <summary>
    /// The array tasks of a job that squeue still shows (Slurm keeps finished ones for MinJobAge, 300 s by default),
    /// completed by sacct for those it no longer shows. Null when squeue could not be asked this time.
    /// </summary>
    public IReadOnlyList<ArrayTaskStatus>? Query(string jobId, IReadOnlyCollection<int> indices)
    {
        var queue = runner.Run("squeue", ["-h", "-r", "-t", "all", "-j", jobId, "-o", QueueParser.SqueueFormat]) ?? throw NotFound("squeue");
        if (!queue.Succeeded && !queue.Error.Contains("Invalid job id", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var byIndex = new Dictionary<int, ArrayTaskStatus>();
        foreach (var status in QueueParser.Parse(queue.Output, jobId))
        {
            byIndex[status.Index] = status;
        }

        if (accountingWorks && indices.Any(i => !byIndex.ContainsKey(i)))
        {
            var history = runner.Run("sacct", ["-n", "-X", "-P", "-j", jobId, "-o", "JobID,State"]);
            if (history is { Succeeded: true })
            {
                foreach (var status in QueueParser.Parse(history.Output, jobId))
                {
                    byIndex.TryAdd(status.Index, status);
                }
            }
            else
            {
                accountingWorks = false; // "Slurm accounting storage is disabled": squeue is all there is
            }
        }

        return byIndex.Values.Where(s => indices.Contains(s.Index)).OrderBy(s => s.Index).ToList();
    }

    /// <summary>Cancels one array task (or the whole job when <paramref name="index"/> is null).</summary>
    public void Cancel(string jobId, int? index = null)
    {
        var target = index is { } i ? $"{jobId}_{i}" : jobId;
        var result = runner.Run("scancel", [target]) ?? throw NotFound("scancel");
        if (!result.Succeeded)
        {
            throw new UserError($"scancel {target} failed: {FirstLines(result.Error)}");
        }
    }

    public static UserError NotFound(string program) => new(
        $"Slurm not found: {program} is not on PATH; run this on a Slurm login node (or after `module load slurm`), " +
        "or start a local test cluster with tests/slurm/cluster.sh start and set SLURM_CONF as it prints.");

    private static string FirstLines(string text) =>
        string.Join(" / ", text.Split('\n', System.StringSplitOptions.RemoveEmptyEntries | System.StringSplitOptions.TrimEntries).Take(3));
}
