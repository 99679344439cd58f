using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// Resume exactly (issue #10), in process: continuing from any checkpoint a run wrote — mid-epoch or at an epoch's
/// end — gives every epoch's loss, test ELBO, test error and the final weights of the run never interrupted, bit for
/// bit; a checkpoint of another model or other settings is refused with a message saying which; a damaged newest
/// checkpoint falls back to an older one; only the last k are kept.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("probdsl-resume-").FullName;

    public ResumeTests() => torch.set_num_threads(1);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_directory, name);

    private static SemiSupervisedData Data(int size, int classes, int unlabelled) =>
        new(RandomSplit.Of(12, size, classes, 1), RandomSplit.Of(unlabelled, size, classes, 2), RandomSplit.Of(40, size, classes, 3, dynamic: false));

    /// <remarks>
    /// ElboEvery 1 (the default is 5): a run extended from its last epoch 2 to 3 must match an uninterrupted 3-epoch
    /// run, and the exact test ELBO draws from the global generator: the 2-epoch run computes it after epoch 2 (its
    /// last), which an uninterrupted run with ElboEvery 5 would skip.
    /// </remarks>
    private static TrainingOptions Options(int epochs = 3) => new()
    {
        Epochs = epochs, BatchSize = 10, LabelledBatchSize = 4, Seed = 3, LearningRate = 1e-2, DataDescription = "synthetic", ElboEvery = 1,
    };

    [Fact]
    public void Every_checkpoint_of_a_semi_supervised_run_continues_to_its_exact_numbers_and_weights()
    {
        // Probe: z sampled (global generator), y by REINFORCE with a moving-average baseline, labelled cursor, dynamic pixels.
        var data = Data(16, 3, unlabelled: 120);
        AssertEveryCheckpointResumesExactly(o => new ProbeStructuredTrainer(o), t => ((ProbeStructuredTrainer)t).Train(data), Options(), every: 5);
    }

    [Fact]
    public void Every_checkpoint_of_a_relaxed_run_continues_with_the_same_temperatures_and_numbers()
    {
        var data = Data(784, 10, unlabelled: 60);
        AssertEveryCheckpointResumesExactly(o => new M2RelaxedStructuredTrainer(o), t => ((M2RelaxedStructuredTrainer)t).Train(data), Options(epochs: 2), every: 4);
    }

    [Fact]
    public void Every_checkpoint_of_an_unsupervised_run_continues_to_its_exact_numbers_and_weights()
    {
        var train = RandomSplit.Of(90, 3, 1, 4);
        var test = RandomSplit.Of(30, 3, 1, 5, dynamic: false);
        AssertEveryCheckpointResumesExactly(o => new HierQTrainer(o), t => ((HierQTrainer)t).Train(train, test), Options(), every: 4);
    }

    /// <summary>
    /// A plain run, a run writing checkpoints (every <paramref name="every"/> steps, all kept), and a resumption from
    /// each of its checkpoints with freshly initialised weights: all equal, bit for bit.
    /// </summary>
    private void AssertEveryCheckpointResumesExactly<TModel>(
        Func<TrainingOptions, Trainer<TModel>> create, Func<Trainer<TModel>, IReadOnlyList<EpochReport>> train, TrainingOptions options, int every)
        where TModel : nn.Module
    {
        var (plainReports, plainWeights) = Run(create, train, options, seed: 0);
        var history = Path("run.ckpt");
        var (reports, weights) = Run(create, train, options with { CheckpointPath = history, CheckpointEverySteps = every, KeepCheckpoints = 100 }, seed: 0);
        AssertSame(plainReports, plainWeights, reports, weights); // saving draws no random number

        var checkpoints = Directory.GetFiles(_directory, "run.ckpt*");
        Assert.True(checkpoints.Length >= 4, $"only {checkpoints.Length} checkpoints");
        Assert.Contains(checkpoints, c => Checkpoint.ReadProgress(c).StepsDoneInEpoch is > 0);
        Assert.Contains(checkpoints, c => Checkpoint.ReadProgress(c).StepsDoneInEpoch is null);
        foreach (var (checkpoint, i) in checkpoints.Select((c, i) => (c, i)))
        {
            // Another seed: the resumed run must take nothing from its own initialisation.
            var resumed = options with { ResumeFrom = checkpoint, CheckpointPath = Path($"resumed-{i}.ckpt") };
            var (resumedReports, resumedWeights) = Run(create, train, resumed, seed: 99);
            AssertSame(reports, weights, resumedReports, resumedWeights, because: $"resumed from {System.IO.Path.GetFileName(checkpoint)} ({Checkpoint.ReadProgress(checkpoint)})");
        }
    }

    private static (IReadOnlyList<EpochReport> Reports, float[][] Weights) Run<TModel>(
        Func<TrainingOptions, Trainer<TModel>> create, Func<Trainer<TModel>, IReadOnlyList<EpochReport>> train, TrainingOptions options, int seed)
        where TModel : nn.Module
    {
        manual_seed(seed);
        using var trainer = create(options);
        var reports = train(trainer);
        return (reports, trainer.Model.parameters().Select(p => p.data<float>().ToArray()).ToArray());
    }

    private static void AssertSame(IReadOnlyList<EpochReport> expected, float[][] expectedWeights, IReadOnlyList<EpochReport> actual, float[][] actualWeights, string because = "")
    {
        Assert.True(expected.Count == actual.Count, because);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.True(e.Epoch == a.Epoch, because);
            Assert.True(Bits(e.TrainLoss) == Bits(a.TrainLoss), $"epoch {e.Epoch} loss {e.TrainLoss:R} vs {a.TrainLoss:R}, {because}");
            Assert.True(Bits(e.TestElbo ?? double.NaN) == Bits(a.TestElbo ?? double.NaN), $"epoch {e.Epoch} test ELBO {e.TestElbo:R} vs {a.TestElbo:R}, {because}");
            Assert.True(Bits(e.TestError) == Bits(a.TestError), $"epoch {e.Epoch} test error {e.TestError:R} vs {a.TestError:R}, {because}");
            Assert.True(e.Temperature == a.Temperature, $"epoch {e.Epoch} temperature {e.Temperature} vs {a.Temperature}, {because}");
        }
        Assert.True(expectedWeights.Length == actualWeights.Length, because);
        foreach (var (e, a) in expectedWeights.Zip(actualWeights))
            Assert.True(e.AsSpan().SequenceEqual(a), $"weights differ, {because}");
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private string TrainedProbeCheckpoint(SemiSupervisedData data, int keep = 2, int epochs = 2)
    {
        manual_seed(0);
        var path = Path("probe.ckpt");
        using var trainer = new ProbeStructuredTrainer(Options(epochs) with { CheckpointPath = path, CheckpointEverySteps = 5, KeepCheckpoints = keep });
        trainer.Train(data);
        return path;
    }

    [Fact]
    public void Resuming_with_a_setting_that_changes_the_numbers_is_refused_naming_it()
    {
        var data = Data(16, 3, unlabelled: 60);
        var checkpoint = TrainedProbeCheckpoint(data);
        using var trainer = new ProbeStructuredTrainer(Options() with { ResumeFrom = checkpoint, BatchSize = 20, DataDescription = "other" });

        var error = Assert.Throws<CheckpointException>(() => trainer.Train(data));

        Assert.Contains("batch size: checkpoint 10, this run 20", error.Message);
        Assert.Contains("data: checkpoint synthetic, this run other", error.Message);
        Assert.Contains(checkpoint, error.Message);
    }

    [Fact]
    public void Resuming_another_model_is_refused_naming_both()
    {
        var checkpoint = TrainedProbeCheckpoint(Data(16, 3, unlabelled: 60));
        var tiny = Data(4, 3, unlabelled: 60);
        using var trainer = new TinyMainTrainer(Options() with { ResumeFrom = checkpoint });

        var error = Assert.Throws<CheckpointException>(() => trainer.Train(tiny));

        Assert.Contains("Probe / Structured", error.Message);
        Assert.Contains("Tiny / Main", error.Message);
    }

    [Fact]
    public void A_run_can_be_extended_by_resuming_with_more_epochs()
    {
        var data = Data(16, 3, unlabelled: 60);
        var checkpoint = TrainedProbeCheckpoint(data, epochs: 2);
        var (threeEpochs, weights) = Run(o => new ProbeStructuredTrainer(o), t => ((ProbeStructuredTrainer)t).Train(data), Options(epochs: 3), seed: 0);

        var (extended, extendedWeights) = Run(o => new ProbeStructuredTrainer(o), t => ((ProbeStructuredTrainer)t).Train(data),
            Options(epochs: 3) with { ResumeFrom = checkpoint }, seed: 5);

        AssertSame(threeEpochs, weights, extended, extendedWeights);
    }

    [Fact]
    public void From_a_directory_the_newest_intact_checkpoint_is_resumed_and_a_damaged_one_is_passed_over_with_its_reason()
    {
        var data = Data(16, 3, unlabelled: 60);
        var newest = TrainedProbeCheckpoint(data, keep: 3, epochs: 1);
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length / 2] ^= 0xFF; // a disk fault: saves themselves are atomic
        File.WriteAllBytes(newest, bytes);
        using var trainer = new ProbeStructuredTrainer(Options(epochs: 2) with { ResumeFrom = _directory });

        trainer.Train(data);

        Assert.Equal(newest + ".1", trainer.ResumedFrom);
        Assert.Contains("damaged", Assert.Single(trainer.SkippedCheckpoints));
        Assert.Equal(newest, trainer.CheckpointPath); // goes on writing where the resumed run wrote
        Assert.Equal(2, Checkpoint.ReadReports(newest).Count);
    }

    [Fact]
    public void Only_the_last_k_checkpoints_are_kept()
    {
        var data = Data(16, 3, unlabelled: 60);
        var path = TrainedProbeCheckpoint(data, keep: 3);
        Assert.Equal(new[] { "probe.ckpt", "probe.ckpt.1", "probe.ckpt.2" }, Directory.GetFiles(_directory).Select(System.IO.Path.GetFileName).Order());
        // Each older file is an earlier point of the run.
        Assert.True(Checkpoint.ReadProgress(path).GlobalStep > Checkpoint.ReadProgress(path + ".1").GlobalStep);
        Assert.True(Checkpoint.ReadProgress(path + ".1").GlobalStep > Checkpoint.ReadProgress(path + ".2").GlobalStep);

        TrainedProbeCheckpoint(data, keep: 1);

        Assert.Equal(new[] { "probe.ckpt" }, Directory.GetFiles(_directory).Select(System.IO.Path.GetFileName));
    }
}
