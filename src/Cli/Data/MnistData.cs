using System;
using System.Linq;
using ProbDsl.Datasets;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Cli.Data;

/// <summary>
/// <c>--data mnist</c>: real MNIST as the examples use it — a balanced labelled subset drawn with the seed,
/// dynamic binarisation of training images, test images thresholded at 0.5 — through the same calls
/// (<see cref="MnistTensors.SemiSupervised"/>), so a run matches the example program's with the same options.
/// </summary>
internal static class MnistData
{
    public static TrainingData Load(DataRequest request, ModelData model, Action<string> log)
    {
        RequireFits(model);
        if (request.TestSize is not null)
            throw new UserError("--test-size: MNIST has its own test set of 10,000 images; use --test-limit to evaluate on fewer.");
        var mnist = Mnist.Load(request.DataDir, log);
        if (model.Label is null)
            return Unlabelled(mnist, request);
        if (request.Labelled <= 0 || request.Labelled % MnistDataset.Classes != 0 || request.Labelled > mnist.Train.Count)
            throw new UserError($"--labelled {request.Labelled}: with MNIST, a positive multiple of 10 (balanced, one tenth per class), at most {mnist.Train.Count}.");
        var data = MnistTensors.SemiSupervised(mnist, request.Labelled, request.Seed, request.TestLimit, request.TrainLimit);
        return TrainingData.ForLabel(data, $"MNIST: {data.Labelled.Count} labelled, {data.Unlabelled.Count} unlabelled, {data.Test.Count} test (seed {request.Seed}, dynamic binarisation)");
    }

    /// <summary>A model without a label trains on the training images and is evaluated on the test images.</summary>
    private static TrainingData Unlabelled(MnistDataset mnist, DataRequest request)
    {
        var train = Enumerable.Range(0, Math.Min(request.TrainLimit ?? int.MaxValue, mnist.Train.Count)).ToArray();
        var test = Enumerable.Range(0, Math.Min(request.TestLimit ?? int.MaxValue, mnist.Test.Count)).ToArray();
        var trainSplit = MnistTensors.Rows(mnist.Train, train, withLabels: false, encoding: PixelEncoding.Dynamic);
        var testSplit = MnistTensors.Rows(mnist.Test, test, withLabels: false, encoding: MnistTensors.TestEncoding(PixelEncoding.Dynamic));
        return TrainingData.WithoutLabel(trainSplit, testSplit, $"MNIST: {train.Length} training, {test.Length} test images (dynamic binarisation)");
    }

    private static void RequireFits(ModelData model)
    {
        var x = model.Data;
        if (x.Family != DistributionFamily.Bernoulli || x.Size != MnistSplit.ImageSize)
            throw new UserError($"--data mnist: MNIST images are Bernoulli[{MnistSplit.ImageSize}] data, but the model declares {model.Declaration(x)}; bind your own files with --data {x.Name}=FILE.");
        if (model.Label is { } y && y.Size != MnistDataset.Classes)
            throw new UserError($"--data mnist: MNIST has {MnistDataset.Classes} classes, but the model declares {model.Declaration(y)}.");
    }
}
