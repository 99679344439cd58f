using System.IO;
using System.Linq;
using ProbDsl.Datasets;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Tests;

/// <summary>
/// `probdsl train` compiles m2.pdsl at run time; the example program uses the trainer the source generator wrote
/// into its assembly at build time (here: this test assembly's M2StructuredTrainer). Same seed and options, same
/// data calls: the first epoch's numbers must be identical, not merely close.
/// </summary>
public class TrainSameCodePathTests : TempDirectoryTest
{
    private readonly ITestOutputHelper _log;

    public TrainSameCodePathTests(ITestOutputHelper log) => _log = log;

    [Fact]
    public void M2FirstEpochEqualsTheBuildTimeTrainersOnASmallMnistSubset()
    {
        var output = TempDirectory;

        var (code, _, error) = Cli.Run("train", Cli.Model("m2.pdsl"), "--guide", "Structured", "--data", "mnist",
            "--labelled", "100", "--train-limit", "400", "--test-limit", "300", "--epochs", "1", "--seed", "3", "--threads", "1", "--out", output);

        Assert.True(code == 0, error);
        var cli = EpochRow.Read(output).Single();
        var example = TrainAsTheExampleProgramDoes(seed: 3);
        // Equal NaNs would compare equal too: the numbers must be real ones.
        Assert.True(double.IsFinite(example.TrainLoss) && example.TestElbo is double elbo && double.IsFinite(elbo) && example.TestError is > 0 and < 1, $"{example}");
        _log.WriteLine($"probdsl train: {cli}; build-time trainer: {example}");
        Assert.Equal(example.TrainLoss, cli.TrainLoss);
        Assert.Equal(example.TestElbo, cli.TestElbo);
        Assert.Equal(example.TestError, cli.TestError);
        Assert.True(File.Exists(Path.Combine(output, "model.bin")), "the checkpoint is written into --out");
    }

    /// <summary>The order of examples/Common/SemiSupervisedRun.cs: threads, seed, data, trainer, train.</summary>
    private static EpochReport TrainAsTheExampleProgramDoes(int seed)
    {
        torch.set_num_threads(1);
        manual_seed(seed);
        var data = MnistTensors.SemiSupervised(Mnist.Load(), labels: 100, seed, testLimit: 300, unlabelledLimit: 400);
        try
        {
            using var trainer = new M2StructuredTrainer(new TrainingOptions { Epochs = 1, Seed = seed });
            return trainer.Train(data).Single();
        }
        finally
        {
            data.Labelled.Dispose();
            data.Unlabelled.Dispose();
            data.Test.Dispose();
        }
    }
}
