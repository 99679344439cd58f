namespace ProbDsl.Inference.Training;

/// <summary>The running mean loss of an epoch over the steps taken, and how many batches were skipped.</summary>
internal sealed class EpochLoss
{
    private double _sum;
    private int _taken;

    public int Skipped { get; private set; }

    /// <param name="loss">The step's loss, or null when its batch was skipped.</param>
    public void Add(double? loss)
    {
        if (loss is double value)
        {
            _sum += value;
            _taken++;
        }
        else
        {
            Skipped++;
        }
    }

    /// <summary>NaN when every step was skipped: there is no loss to report.</summary>
    public double Mean => _taken == 0 ? double.NaN : _sum / _taken;
}
