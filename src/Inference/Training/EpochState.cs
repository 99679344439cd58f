using System;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Where training stands inside an epoch: the epoch's data order (drawn once at its start), the labelled cursor,
/// the steps done and the running loss. A checkpoint taken between two steps holds exactly this, so that a resumed
/// epoch visits the same batches in the same order and reports the same mean loss.
/// </summary>
internal sealed class EpochState : IDisposable
{
    public EpochState(int epoch, Tensor order, CyclicBatches? labelled, EpochLoss loss, int stepsDone)
    {
        Epoch = epoch;
        Order = order.DetachFromDisposeScope();
        Labelled = labelled;
        Loss = loss;
        StepsDone = stepsDone;
    }

    public int Epoch { get; }

    /// <summary>The permutation of the (unlabelled) training set for this epoch.</summary>
    public Tensor Order { get; }

    /// <summary>The labelled batches, cycled through the labelled set; null for unsupervised training.</summary>
    public CyclicBatches? Labelled { get; }

    public EpochLoss Loss { get; }

    public int StepsDone { get; set; }

    public void Dispose()
    {
        Order.Dispose();
        Labelled?.Dispose();
    }
}
