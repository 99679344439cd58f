using System;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>Test metrics: the unlabelled bound U(x) (a lower bound on log p(x)) and the error of argmax_y q(y|x).</summary>
public static class Evaluation
{
    public static (double Elbo, double Error) Evaluate(ISemiSupervisedModel model, DataSplit test, int batchSize)
    {
        using var noGrad = no_grad();
        double elboSum = 0, errors = 0;
        for (long start = 0; start < test.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, test.Count - start);
            var x = test.Features.narrow(0, start, length);
            var y = test.RequireLabels().narrow(0, start, length);
            elboSum += model.UnlabelledBound(x).sum().ToDouble();
            errors += model.ClassLogits(x).argmax(-1).ne(y).sum().ToDouble();
        }
        return (elboSum / test.Count, errors / test.Count);
    }
}
