using System;
using System.Globalization;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

// Trains the model of model.pdsl through its generated entry point on a synthetic data set: 4x4 binary images drawn
// from four prototypes (horizontal bars, vertical bars, a frame, a diagonal) with pixels flipped at random.
// Only a few training images keep their label; the rest are unlabelled. Usage: dotnet run [-- --epochs N]
var epochs = args.Length == 2 && args[0] == "--epochs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
torch.set_num_threads(1);
// Which matrix-product path libtorch's MKL takes (on AMD CPUs the package's shim makes it the fast one).
Console.WriteLine(ProbDsl.Inference.Blas.BlasReport.Line());
manual_seed(0);

var data = new SemiSupervisedData(
    Labelled: Synthetic(perClass: 5, seed: 1),
    Unlabelled: Synthetic(perClass: 500, seed: 2),
    Test: Synthetic(perClass: 250, seed: 3));

// A small model on a small test set: the exact test ELBO costs little, so every epoch (the default is every 5th).
var options = new TrainingOptions { Epochs = epochs, BatchSize = 100, LabelledBatchSize = 20, LearningRate = 3e-3, Seed = 0, ElboEvery = 1 };
// The generated entry point of model Shapes: a guide by name (Shapes.Guide), then Fit, Evaluate, Encode, Sample,
// Save, and Shapes.Open(guide, path) to load it again.
using var model = Shapes.Create(Shapes.Guide.Structured, options);
Console.WriteLine(model.Explanation);
Console.WriteLine($"{data.Labelled.Count} labelled, {data.Unlabelled.Count} unlabelled, {data.Test.Count} test images");
var reports = model.Fit(data, r => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"epoch {r.Epoch,2}: train loss {r.TrainLoss,7:F3}  test ELBO {r.TestElbo,8:F3} nats  test accuracy {100 * r.TestAccuracy,5:F1}%  ({r.Seconds:F1} s)")));
var last = reports[^1];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"final test accuracy {100 * last.TestAccuracy:F1}% (chance: 25.0%)"));
return 0;

// perClass images of each class: a prototype with every pixel flipped with probability 0.1.
static DataSplit Synthetic(int perClass, int seed)
{
    var prototypes = tensor(new float[,]
    {
        { 1, 1, 1, 1,  0, 0, 0, 0,  1, 1, 1, 1,  0, 0, 0, 0 }, // horizontal bars
        { 1, 0, 1, 0,  1, 0, 1, 0,  1, 0, 1, 0,  1, 0, 1, 0 }, // vertical bars
        { 1, 1, 1, 1,  1, 0, 0, 1,  1, 0, 0, 1,  1, 1, 1, 1 }, // a frame
        { 1, 0, 0, 0,  0, 1, 0, 0,  0, 0, 1, 0,  0, 0, 0, 1 }, // a diagonal
    });
    using var generator = new Generator((ulong)seed);
    var labels = arange(4, dtype: int64).repeat_interleave(perClass);
    var clean = prototypes.index_select(0, labels);
    var flips = rand(clean.shape, generator: generator).lt(0.1);
    var images = clean.logical_xor(flips).to(float32);
    var order = randperm(labels.shape[0], generator: generator);
    return new DataSplit(images.index_select(0, order), labels.index_select(0, order));
}
