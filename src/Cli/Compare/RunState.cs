namespace ProbDsl.Cli.Compare;

/// <summary>Where a run stands, read from its directory.</summary>
internal enum RunState
{
    /// <summary>Nothing to continue from: trained from the start.</summary>
    Fresh,

    /// <summary>Interrupted after a checkpoint: continued from it (<c>--resume</c>).</summary>
    Resumable,

    /// <summary>Its run.json says it trained every epoch: not trained again.</summary>
    Finished,
}
