using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProbDsl.Cli.Slurm;

/// <summary>
/// Reads the array tasks of one job from squeue's and sacct's machine-readable output. Only lines of the given
/// array job are kept; a line for the whole array (<c>123_[0-3]</c>, tasks not split out yet) stands for each of
/// the indices it lists.
/// </summary>
internal static class QueueParser
{
    /// <summary>The format <see cref="SlurmClient"/> asks squeue for: <c>%i|%T</c> (job id as <c>123_4</c>, state).</summary>
    public const string SqueueFormat = "%i|%T";

    /// <summary>
    /// Lines of <c>squeue -h -r -t all -o "%i|%T"</c> or <c>sacct -n -X -P -o JobID,State</c>: <c>123_4|RUNNING</c>.
    /// </summary>
    public static IReadOnlyList<ArrayTaskStatus> Parse(string output, string jobId)
    {
        var tasks = new List<ArrayTaskStatus>();
        foreach (var raw in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = raw.Split('|');
            if (fields.Length < 2)
            {
                continue;
            }

            var id = fields[0];
            var prefix = jobId + "_";
            if (!id.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var state = fields[1];
            foreach (var index in Indices(id[prefix.Length..]))
            {
                tasks.Add(new ArrayTaskStatus(index, TaskPhases.FromSlurm(state), state.Trim()));
            }
        }

        return tasks;
    }

    /// <summary><c>4</c>, or <c>[0-3,7%2]</c> for tasks still pending together.</summary>
    private static IEnumerable<int> Indices(string text)
    {
        text = text.Trim('[', ']');
        var percent = text.IndexOf('%');
        if (percent >= 0)
        {
            text = text[..percent];
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (!int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            {
                continue;
            }

            var last = first;
            if (range.Length == 2 && !int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out last))
            {
                continue;
            }

            for (var i = first; i <= last; i++)
            {
                yield return i;
            }
        }
    }
}
