using System.Linq;
using ProbDsl.Inference.Training;
using Xunit;

namespace ProbDsl.Inference.Tests.Training;

public class StepLayoutTests
{
    [Fact]
    public void EveryStepTakesBothBatchesAtEveryStep()
    {
        var layout = StepLayout.For(LabelledSchedule.EveryStep, unlabelledSteps: 7, labelledCount: 100, labelledBatch: 10);

        Assert.Equal(7, layout.Steps);
        Assert.All(Enumerable.Range(0, 7), step => Assert.True(layout.IsLabelled(step)));
        Assert.Equal(Enumerable.Range(0, 7).Select(s => (int?)s), Enumerable.Range(0, 7).Select(layout.UnlabelledBatchAt));
        Assert.Equal(1.0, layout.LabelledWeight);
    }

    [Theory]
    [InlineData(299, 100, 100)] // MNIST, 100 labels: one labelled step per epoch
    [InlineData(235, 3000, 200)] // Pyro's SS-VAE at 3000 labels: 15 labelled steps among 250
    [InlineData(5, 60, 10)] // more labelled than unlabelled steps
    [InlineData(1, 7, 3)]
    public void InterleavedVisitsEveryUnlabelledBatchOnceAndTheLabelledSetOnce(int unlabelledSteps, int labelledCount, int labelledBatch)
    {
        var layout = StepLayout.For(LabelledSchedule.Interleaved, unlabelledSteps, labelledCount, labelledBatch);
        var steps = Enumerable.Range(0, layout.Steps).ToList();

        var unlabelled = steps.Select(layout.UnlabelledBatchAt).Where(b => b is not null).Select(b => b!.Value).ToList();
        var labelled = steps.Where(layout.IsLabelled).ToList();

        Assert.Equal(Enumerable.Range(0, unlabelledSteps), unlabelled); // each once, in order
        Assert.Equal(labelledCount / labelledBatch, labelled.Count);
        Assert.All(steps, s => Assert.NotEqual(layout.IsLabelled(s), layout.UnlabelledBatchAt(s) is not null));
        Assert.Equal(1, labelled[0]); // as Pyro: the second step of the epoch
        // Evenly spread: the gaps between labelled steps differ by at most the interval's rounding.
        var gaps = labelled.Zip(labelled.Skip(1), (a, b) => b - a).Distinct().ToList();
        Assert.True(gaps.Count <= 1, $"gaps {string.Join(",", gaps)}");
        // The labelled steps stand for the unlabelled ones: per epoch, the weights sum as under EveryStep.
        Assert.Equal(unlabelledSteps, layout.LabelledWeight * labelled.Count, precision: 9);
    }
}
