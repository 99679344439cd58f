using System;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>Test metrics: the unlabelled bound U(x) (a lower bound on log p(x)) and the error of argmax_y q(y|x).</summary>
public static class Evaluation
{
    /// <summary>Test batches are moved to <paramref name="device"/> one at a time, inside the batch's dispose scope.</summary>
    public static (double Elbo, double Error) Evaluate(ISemiSupervisedModel model, DataSplit test, int batchSize, Device device)
    {
        using var noGrad = no_grad();
        double elboSum = 0, errors = 0;
        for (long start = 0; start < test.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, test.Count - start);
            var x = test.Features.narrow(0, start, length).to(device);
            var y = test.RequireLabels().narrow(0, start, length).to(device);
            elboSum += model.UnlabelledBound(x).sum().ToDouble();
            errors += model.ClassLogits(x).argmax(-1).ne(y).sum().ToDouble();
        }
        return (elboSum / test.Count, errors / test.Count);
    }

    /// <summary>The test error of argmax_y q(y|x) alone: the classifier's pass, none of the enumerated bound's.</summary>
    public static double Error(ISemiSupervisedModel model, DataSplit test, int batchSize, Device device)
    {
        using var noGrad = no_grad();
        double errors = 0;
        for (long start = 0; start < test.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, test.Count - start);
            var y = test.RequireLabels().narrow(0, start, length).to(device);
            errors += model.ClassLogits(test.Features.narrow(0, start, length).to(device)).argmax(-1).ne(y).sum().ToDouble();
        }
        return errors / test.Count;
    }

    /// <summary>The mean of a per-example bound over a split, batch by batch, without gradients.</summary>
    public static double MeanBound(System.Func<Tensor, Tensor> bound, DataSplit split, int batchSize, Device device)
    {
        using var noGrad = no_grad();
        double sum = 0;
        for (long start = 0; start < split.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            sum += bound(split.Features.narrow(0, start, Math.Min(batchSize, split.Count - start)).to(device)).sum().ToDouble();
        }
        return sum / split.Count;
    }
}
