using System;
using System.Linq;
using ProbDsl.Datasets;
using ProbDsl.Inference.Training;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Data;

/// <summary>
/// The user's own files: the data variable's array and, for a model with a label, one class index per row. The
/// rows are permuted with the seed (<see cref="SeededPermutation"/>); the first <c>--test-size</c> of them
/// (default a tenth) are the test set, the next <c>--labelled</c> keep their label, the rest are unlabelled.
/// </summary>
internal static class UserData
{
    public static TrainingData Load(DataRequest request, ModelData model)
    {
        var dataBinding = Binding.Parse("--data", request.Data);
        dataBinding.RequireVariable(model.Data.Name, model.Declaration(model.Data));
        var features = SupportCheck.Features(ArrayFiles.Read(dataBinding), model.Data, dataBinding, request.DivideBy, out var rows);
        var order = SeededPermutation.Of(rows, request.Seed);
        var testSize = TestSize(request, rows);
        var test = order.Take(testSize).ToArray();
        var rest = order.Skip(testSize).ToArray();
        var size = model.Data.Size;
        if (model.Label is null)
        {
            if (request.Label is not null)
                throw new UserError($"--label {request.Label}: model {model.ModelName} declares no label (objective elbo); drop --label.");
            var train = Limit(rest, request.TrainLimit);
            var testRows = Limit(test, request.TestLimit);
            return TrainingData.WithoutLabel(Split(features, size, train, null), Split(features, size, testRows, null),
                $"{dataBinding.Path}: {train.Length} training, {testRows.Length} test rows (seed {request.Seed})");
        }
        var labels = LoadLabels(request, model, rows);
        if (request.Labelled < 1 || request.Labelled >= rest.Length)
            throw new UserError($"--labelled {request.Labelled}: must be at least 1 and leave unlabelled rows: {rows} rows, {testSize} for testing, so at most {rest.Length - 1}.");
        var labelled = rest.Take(request.Labelled).ToArray();
        var unlabelled = Limit(rest.Skip(request.Labelled).ToArray(), request.TrainLimit);
        var labelledTest = Limit(test, request.TestLimit);
        var data = new SemiSupervisedData(
            Split(features, size, labelled, labels), Split(features, size, unlabelled, null), Split(features, size, labelledTest, labels));
        return TrainingData.ForLabel(data,
            $"{dataBinding.Path}: {labelled.Length} labelled, {unlabelled.Length} unlabelled, {labelledTest.Length} test rows (seed {request.Seed})");
    }

    private static long[] LoadLabels(DataRequest request, ModelData model, int rows)
    {
        var label = model.Label!;
        if (request.Label is null)
            throw new UserError($"model {model.ModelName} declares {model.Declaration(label)}: give its class indices with --label {label.Name}=FILE (one per data row) and say how many rows keep them with --labelled N.");
        var binding = Binding.Parse("--label", request.Label);
        binding.RequireVariable(label.Name, model.Declaration(label));
        return SupportCheck.Labels(ArrayFiles.Read(binding), label, binding, rows);
    }

    private static int TestSize(DataRequest request, int rows)
    {
        var size = request.TestSize ?? Math.Max(1, rows / 10);
        if (size < 1 || size >= rows)
            throw new UserError($"--test-size {size}: must be at least 1 and less than the {rows} rows of the data.");
        return size;
    }

    private static int[] Limit(int[] rows, int? limit) => limit is int n ? rows.Take(n).ToArray() : rows;

    /// <summary>The chosen rows as tensors: features [n, size] float32 and, when given, labels [n] int64.</summary>
    private static DataSplit Split(float[] features, int size, int[] rows, long[]? labels)
    {
        var picked = new float[(long)rows.Length * size];
        for (var i = 0; i < rows.Length; i++)
            Array.Copy(features, (long)rows[i] * size, picked, (long)i * size, size);
        var x = tensor(picked, new long[] { rows.Length, size });
        return new DataSplit(x, labels is null ? null : tensor(rows.Select(r => labels[r]).ToArray()));
    }
}
