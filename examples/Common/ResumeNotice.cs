using System.Collections.Generic;

namespace ProbDsl.Examples.Common;

/// <summary>Says once, before the first result of a resumed run, which checkpoint it continued and which it passed over.</summary>
public sealed class ResumeNotice
{
    private bool _printed;

    /// <param name="nothingLeft">The run ended without training an epoch: the checkpoint was already at the last epoch asked for.</param>
    public void Print(string? resumedFrom, IReadOnlyList<string> skipped, bool nothingLeft = false)
    {
        if (resumedFrom is null || _printed)
            return;
        _printed = true;
        foreach (var reason in skipped)
            ProgressBar.WriteLine($"warning: passed over {reason}");
        ProgressBar.WriteLine($"resumed from {resumedFrom}" + (nothingLeft ? " (no epoch left to train; pass a larger --epochs to go on)" : ""));
    }
}
