using System.Collections.Generic;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The readable part of a checkpoint (stored as JSON at its start): what was trained, with which settings, and where
/// training stands. The tensors (weights, Adam's moments, generator states, data orders) follow it in binary.
/// </summary>
internal sealed record CheckpointHeader
{
    public required string ModelHash { get; init; }

    public required string ModelDescription { get; init; }

    /// <summary>Every setting that changes the run's numbers, by readable name (see <see cref="RunSettings"/>).</summary>
    public required SortedDictionary<string, string> Settings { get; init; }

    /// <summary>The file name the run was told to write (<see cref="TrainingOptions.CheckpointPath"/>), so a resumed run writes there again.</summary>
    public required string BaseName { get; init; }

    /// <summary>The epoch to run next, or the one interrupted when <see cref="InEpoch"/> is set.</summary>
    public required int Epoch { get; init; }

    /// <summary>Steps taken over the whole run (the relaxation temperature schedule's clock).</summary>
    public required long GlobalStep { get; init; }

    /// <summary>Set when the checkpoint was taken inside an epoch; null at an epoch's end.</summary>
    public EpochPosition? InEpoch { get; init; }

    /// <summary>The relaxation temperature in effect, for relaxed models (the next step sets it again from the schedule).</summary>
    public double? Temperature { get; init; }

    /// <summary>Value and started flag of each REINFORCE moving-average baseline, in <see cref="ModelBaselines"/> order.</summary>
    public required List<BaselineState> Baselines { get; init; }

    /// <summary>The reports of the epochs finished so far, so a resumed run can show the whole table.</summary>
    public required List<EpochReport> Reports { get; init; }
}

/// <summary>The steps done in the interrupted epoch, its running loss, and the labelled cursor's position.</summary>
internal sealed record EpochPosition(int StepsDone, double LossSum, int LossTaken, int LossSkipped, long? LabelledPosition);

internal sealed record BaselineState(double Value, bool Started);
