using System;
using System.Collections.Generic;
using System.IO;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>An epoch's results reach the caller before its checkpoint is written, so a failing save never hides them (issue #10).</summary>
public sealed class EpochReportBeforeCheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("probdsl-order-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_report_is_handed_over_even_when_the_checkpoint_cannot_be_written()
    {
        manual_seed(0);
        var blocked = Directory.CreateDirectory(Path.Combine(_directory, "model.bin")).FullName; // a directory in the way
        var generator = new Generator(1);
        DataSplit Split(long rows) => new(rand(new long[] { rows, 4 }, generator: generator).gt(0.5).to(float32),
            randint(0, 3, new long[] { rows }, generator: generator, dtype: int64));
        var data = new SemiSupervisedData(Split(10), Split(20), Split(10));
        using var trainer = new TinyMainTrainer(new TrainingOptions { Epochs = 2, BatchSize = 10, LabelledBatchSize = 10, CheckpointPath = blocked });
        var reported = new List<EpochReport>();

        Assert.ThrowsAny<IOException>(() => trainer.Train(data, reported.Add));

        Assert.Equal(1, Assert.Single(reported).Epoch);
    }
}
