using System.Linq;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

public partial class SemiSupervisedTrainer<TModel>
{
    /// <summary>Measure the guide's gradient variance at these steps (null: never). Leaves training unchanged.</summary>
    public GradientVarianceProbe? GradientProbe { get; set; }

    /// <summary>
    /// M fresh minibatches (one unlabelled batch and one labelled batch each, drawn with a generator of their own
    /// seeded by the run's seed and the step), each one's Eq. 9 loss (<see cref="SemiSupervisedObjective.Loss"/>,
    /// whatever the labelled schedule) differentiated with respect to <see cref="ISemiSupervisedModel.GuideParameters"/>
    /// at the current parameters. The global generator (the bounds' draws) and the REINFORCE baselines are saved
    /// before and put back after, and every gradient is zeroed: the run goes on exactly as without the measurement.
    /// </summary>
    private void MeasureGradientVariance(GradientVarianceProbe probe, SemiSupervisedData data, SemiSupervisedObjective objective,
        int batch, int labelledBatch, int epoch, bool endOfEpoch)
    {
        var globalState = RandomState.OfGlobal();
        var baselines = ModelBaselines.Of(Model).Select(b => (Baseline: b, b.Value, b.Started)).ToList();
        try
        {
            using var generator = new Generator((ulong)Options.Seed * 1_000_003UL + (ulong)GlobalStep, device: CPU);
            var parameters = Model.GuideParameters().ToList();
            var device = Options.Device;
            var (variance, meanNorm, count) = GradientVariance.Measure(parameters, probe.Minibatches, _ =>
            {
                var u = randperm(data.Unlabelled.Count, generator: generator).narrow(0, 0, batch);
                var l = randperm(data.Labelled.Count, generator: generator).narrow(0, 0, labelledBatch);
                var xu = data.Unlabelled.Batch(u, generator, device);
                var xl = data.Labelled.Batch(l, generator, device);
                var yl = data.Labelled.RequireLabels().index_select(0, l).to(device);
                return objective.Loss(Model, xl, yl, xu);
            });
            probe.Report(new GradientVarianceReport(GlobalStep, epoch, endOfEpoch, probe.Minibatches, count, variance, meanNorm));
        }
        finally
        {
            Model.zero_grad();
            RandomState.RestoreGlobal(globalState);
            foreach (var (baseline, value, started) in baselines)
                baseline.Restore(value, started);
        }
    }
}
