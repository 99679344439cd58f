namespace ProbDsl.Inference.Training;

/// <summary>The running mean loss of an epoch over the steps taken, and how many batches were skipped.</summary>
internal sealed class EpochLoss
{
    public EpochLoss()
    {
    }

    /// <summary>Continues an epoch interrupted by a checkpoint, so the resumed epoch reports the same mean.</summary>
    public EpochLoss(double sum, int taken, int skipped)
    {
        Sum = sum;
        Taken = taken;
        Skipped = skipped;
    }

    /// <summary>The sum of the taken steps' losses, in the order they were added (so a resumed sum is bit-identical).</summary>
    public double Sum { get; private set; }

    public int Taken { get; private set; }

    public int Skipped { get; private set; }

    /// <param name="loss">The step's loss, or null when its batch was skipped.</param>
    public void Add(double? loss)
    {
        if (loss is double value)
        {
            Sum += value;
            Taken++;
        }
        else
        {
            Skipped++;
        }
    }

    /// <summary>NaN when every step was skipped: there is no loss to report.</summary>
    public double Mean => Taken == 0 ? double.NaN : Sum / Taken;
}
