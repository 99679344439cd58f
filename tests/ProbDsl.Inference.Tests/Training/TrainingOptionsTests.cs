using System;
using ProbDsl.Inference.Training;

namespace ProbDsl.Inference.Tests.Training;

/// <summary>Options no run can use are refused up front, with the option named (issue #10).</summary>
public class TrainingOptionsTests
{
    public static TheoryData<TrainingOptions, string> Invalid() => new()
    {
        { new TrainingOptions { LearningRate = double.NaN }, "LearningRate" },
        { new TrainingOptions { LearningRate = double.PositiveInfinity }, "LearningRate" },
        { new TrainingOptions { LearningRate = 0 }, "LearningRate" },
        { new TrainingOptions { LearningRate = -1e-3 }, "LearningRate" },
        { new TrainingOptions { Alpha = double.NaN }, "Alpha" },
        { new TrainingOptions { Alpha = double.NegativeInfinity }, "Alpha" },
        { new TrainingOptions { Alpha = -0.1 }, "Alpha" },
        { new TrainingOptions { Epochs = 0 }, "Epochs" },
        { new TrainingOptions { BatchSize = 0 }, "BatchSize" },
        { new TrainingOptions { LabelledBatchSize = -5 }, "LabelledBatchSize" },
        { new TrainingOptions { CheckpointPath = "" }, "CheckpointPath" },
        { new TrainingOptions { CheckpointPath = "  " }, "CheckpointPath" },
        { new TrainingOptions { CheckpointPath = "a\0b" }, "CheckpointPath" },
        { new TrainingOptions { NonFiniteLoss = (NonFiniteLossPolicy)7 }, "NonFiniteLoss" },
        { new TrainingOptions { CheckpointEverySteps = -1 }, "CheckpointEverySteps" },
        { new TrainingOptions { KeepCheckpoints = 0 }, "KeepCheckpoints" },
        { new TrainingOptions { KeepCheckpoints = TrainingOptions.MaxKeptCheckpoints + 1 }, "KeepCheckpoints" },
        { new TrainingOptions { ResumeFrom = "" }, "ResumeFrom" },
        { new TrainingOptions { ResumeFrom = "a\0b" }, "ResumeFrom" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_option_out_of_range_is_an_ArgumentException_naming_it(TrainingOptions options, string option)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(option, error.ParamName);
        Assert.StartsWith($"TrainingOptions.{option} ", error.Message);
    }

    [Fact]
    public void The_defaults_and_ordinary_values_are_valid()
    {
        new TrainingOptions().Validate();
        new TrainingOptions { LearningRate = 1e9, Alpha = 0, CheckpointPath = "run/m2.bin", NonFiniteLoss = NonFiniteLossPolicy.SkipBatch }.Validate();
    }
}
