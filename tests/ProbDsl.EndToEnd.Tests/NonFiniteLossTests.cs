using System;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// Finite or stop (issue #10): a NaN or infinite loss stops training with a message naming the epoch, the step and
/// the term, and never overwrites a good checkpoint; or, when asked, the batch is skipped and counted.
/// </summary>
public sealed class NonFiniteLossTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("probdsl-nonfinite-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Checkpoint => Path.Combine(_directory, "model.bin");

    /// <summary>Binary images of <paramref name="size"/> pixels with labels in 0..classes-1, from a fixed seed.</summary>
    private static DataSplit Split(long rows, int size, int classes, int seed)
    {
        var generator = new Generator((ulong)seed);
        return new DataSplit(rand(new long[] { rows, size }, generator: generator).gt(0.5).to(float32),
            randint(0, classes, new long[] { rows }, generator: generator, dtype: int64));
    }

    private static SemiSupervisedData Data(int size, int classes) =>
        new(Split(20, size, classes, 1), Split(100, size, classes, 2), Split(20, size, classes, 3));

    private static TrainingOptions Options(string checkpoint) =>
        new() { Epochs = 1, BatchSize = 10, LabelledBatchSize = 10, Seed = 0, LearningRate = 1e-3, CheckpointPath = checkpoint };

    /// <summary>A good run first, so that there is a checkpoint the failing run must leave alone.</summary>
    private byte[] GoodCheckpointOfTiny(SemiSupervisedData data)
    {
        using var trainer = new TinyMainTrainer(Options(Checkpoint));
        trainer.Train(data);
        return File.ReadAllBytes(Checkpoint);
    }

    [Fact]
    public void A_learning_rate_of_1e9_stops_M2_at_a_stated_step_and_leaves_the_good_checkpoint_byte_identical()
    {
        torch.set_num_threads(1);
        manual_seed(0);
        var data = Data(784, 10);
        using (var good = new M2StructuredTrainer(Options(Checkpoint)))
            good.Train(data);
        var before = File.ReadAllBytes(Checkpoint);
        manual_seed(0);
        using var trainer = new M2StructuredTrainer(Options(Checkpoint) with { Epochs = 3, LearningRate = 1e9 });

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Train(data));

        Assert.Equal((1, 2, 10), (error.Epoch, error.Step, error.Position.StepsPerEpoch));
        Assert.StartsWith("Training stopped at epoch 1, step 2 of 10: the loss is", error.Message);
        // Adam moves every weight by about 1e9 in the first step; in the second, both bounds come out NaN.
        Assert.Equal(new[] { SemiSupervisedObjective.LabelledTerm, SemiSupervisedObjective.UnlabelledTerm }, error.NonFiniteTerms.Select(t => t.Name));
        Assert.Contains("Non-finite: labelled bound L(x,y) = NaN, unlabelled objective U(x) = NaN", error.Message);
        Assert.Contains("lower learning rate (this run: 1E+09)", error.Message);
        Assert.Contains("was left as it was", error.Message);
        Assert.Equal(before, File.ReadAllBytes(Checkpoint));
        Assert.Equal(new[] { "model.bin" }, Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void NaN_unlabelled_inputs_stop_at_the_first_step_naming_the_unlabelled_term_and_batch()
    {
        manual_seed(0);
        var data = Data(4, 3);
        var before = GoodCheckpointOfTiny(data);
        using var nan = new DataSplit(full(100, 4, float.NaN), null);
        using var trainer = new TinyMainTrainer(Options(Checkpoint) with { Epochs = 2 });

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Train(data with { Unlabelled = nan }));

        Assert.Equal((1, 1), (error.Epoch, error.Step));
        Assert.Equal(new[] { SemiSupervisedObjective.UnlabelledTerm }, error.NonFiniteTerms.Select(t => t.Name));
        Assert.Equal(new[] { "unlabelled batch" }, error.Breakdown.NonFiniteInputs);
        Assert.Contains("Non-finite: unlabelled objective U(x) = NaN", error.Message);
        Assert.Contains("Finite: labelled bound L(x,y) = ", error.Message);
        Assert.Contains("The unlabelled batch contain", error.Message);
        Assert.Null(error.NonFiniteWeight);
        Assert.Equal(before, File.ReadAllBytes(Checkpoint));
    }

    [Fact]
    public void NaN_labelled_inputs_name_the_labelled_bound_and_the_classification_term()
    {
        manual_seed(0);
        var data = Data(4, 3);
        using var nan = new DataSplit(full(20, 4, float.NaN), zeros(20, dtype: int64));
        using var trainer = new TinyMainTrainer(Options(Checkpoint));

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Train(data with { Labelled = nan }));

        Assert.Equal(new[] { SemiSupervisedObjective.LabelledTerm, SemiSupervisedObjective.ClassificationTerm },
            error.NonFiniteTerms.Select(t => t.Name));
        Assert.Equal(new[] { "labelled batch" }, error.Breakdown.NonFiniteInputs);
        Assert.False(File.Exists(Checkpoint));
    }

    [Fact]
    public void With_SkipBatch_a_batch_with_a_NaN_row_is_skipped_and_counted_and_training_goes_on()
    {
        manual_seed(0);
        var data = Data(4, 3);
        data.Unlabelled.Features[37, 2] = float.NaN; // one row: exactly one batch of ten per epoch
        using var trainer = new TinyMainTrainer(Options(Checkpoint) with { Epochs = 2, NonFiniteLoss = NonFiniteLossPolicy.SkipBatch });

        var reports = trainer.Train(data);

        Assert.Equal(new[] { 1, 1 }, reports.Select(r => r.SkippedSteps));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.TrainLoss)));
        Assert.Null(FiniteWeights.FirstNonFinite(trainer.Model));
        Assert.True(File.Exists(Checkpoint));
    }

    [Fact]
    public void An_unsupervised_model_stops_on_NaN_inputs_naming_its_ELBO_term()
    {
        manual_seed(0);
        using var train = new DataSplit(full(50, 6, float.NaN), null);
        using var test = new DataSplit(zeros(10, 6), null);
        using var trainer = new MixturePosteriorTrainer(Options(Checkpoint));

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Train(train, test));

        Assert.Equal((1, 1), (error.Epoch, error.Step));
        Assert.Equal(new[] { "ELBO objective" }, error.NonFiniteTerms.Select(t => t.Name));
        Assert.Equal(new[] { "batch" }, error.Breakdown.NonFiniteInputs);
    }

    [Fact]
    public void A_non_finite_learning_rate_is_refused_before_training_naming_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new TinyMainTrainer(Options(Checkpoint) with { LearningRate = double.NaN }));

        Assert.Equal("LearningRate", error.ParamName);
    }
}
