using System;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Measures;

/// <summary>
/// The generative model's own classifier, argmax_y L(x, y) (the labelled bound of each class, one draw of the
/// latents as the bound draws them), beside q(y|x)'s argmax on the same rows. When q(y|x) is right and the model's
/// own bound prefers other classes, the unlabelled term U(x) pulls q(y|x) towards the wrong classes.
/// </summary>
internal static class GenerativeClassifier
{
    private const int Batch = 500;

    /// <returns>The accuracy of argmax_y L(x, y) and of argmax_y q(y|x) on the first <paramref name="rows"/> rows.</returns>
    public static (double Generative, double Guide) Accuracies(ISemiSupervisedModel model, DataSplit test, long rows)
    {
        using var noGrad = no_grad();
        long generative = 0, guide = 0;
        for (long start = 0; start < rows; start += Batch)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(Batch, rows - start);
            var x = test.Features.narrow(0, start, length);
            var y = test.RequireLabels().narrow(0, start, length).to(int64);
            var bounds = new Tensor[model.ClassCount];
            for (var c = 0; c < model.ClassCount; c++)
                bounds[c] = model.LabelledBound(x, full(length, c, dtype: int64));
            generative += stack(bounds, 1).argmax(1).eq(y).sum().ToInt64();
            guide += model.ClassLogits(x).argmax(-1).eq(y).sum().ToInt64();
        }
        return ((double)generative / rows, (double)guide / rows);
    }
}
