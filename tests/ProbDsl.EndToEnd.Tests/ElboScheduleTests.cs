using System.Linq;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// Cheap evaluation (issue #14): the exact test ELBO every ElboEvery epochs and after the last, the classifier's
/// test error every epoch — the same error the full evaluation reports.
/// </summary>
public sealed class ElboScheduleTests
{
    [Fact]
    public void The_test_elbo_is_computed_every_k_epochs_and_after_the_last_and_the_error_every_epoch()
    {
        var reports = Train(new TrainingOptions { Epochs = 5, BatchSize = 10, LabelledBatchSize = 10, ElboEvery = 2 });

        Assert.Equal(new[] { false, true, false, true, true }, reports.Select(r => r.TestElbo is not null));
        Assert.All(reports, r => Assert.InRange(r.TestError, 0, 1));
    }

    [Fact]
    public void The_classifier_alone_gives_the_error_of_the_full_evaluation()
    {
        manual_seed(0);
        using var model = new TinyMain();
        var test = Split(30, new Generator(2));

        var (_, fullError) = Evaluation.Evaluate(model, test, 7, CPU);

        Assert.Equal(fullError, Evaluation.Error(model, test, 7, CPU));
    }

    [Fact]
    public void ElboEvery_below_one_is_refused() =>
        Assert.Equal(nameof(TrainingOptions.ElboEvery), Assert.Throws<System.ArgumentException>(() => new TrainingOptions { ElboEvery = 0 }.Validate()).ParamName);

    private static System.Collections.Generic.IReadOnlyList<EpochReport> Train(TrainingOptions options)
    {
        manual_seed(0);
        var generator = new Generator(1);
        var data = new SemiSupervisedData(Split(10, generator), Split(20, generator), Split(10, generator));
        using var trainer = new TinyMainTrainer(options);
        return trainer.Train(data);
    }

    private static DataSplit Split(long rows, Generator generator) => new(rand(new long[] { rows, 4 }, generator: generator).gt(0.5).to(float32),
        randint(0, 3, new long[] { rows }, generator: generator, dtype: int64));
}
