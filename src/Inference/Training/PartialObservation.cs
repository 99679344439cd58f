using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// A batch in which the label is observed for some examples and latent for the others, marked per example.
/// Observed rows get L(x, y) + α·log q(y|x); the others the unlabelled objective (U(x) or its estimator's
/// surrogate). Each bound runs only on its own rows.
/// </summary>
public static class PartialObservation
{
    /// <param name="labels">Class indices [B]; ignored where <paramref name="observed"/> is false.</param>
    /// <param name="observed">Booleans [B].</param>
    /// <returns>The per-example objective [B] (higher is better).</returns>
    public static Tensor Objective(ISemiSupervisedModel model, Tensor x, Tensor labels, Tensor observed, double alpha)
    {
        using var scope = NewDisposeScope();
        var result = zeros(x.shape[0], dtype: x.dtype, device: x.device);
        var labelledRows = observed.nonzero().squeeze(-1);
        var unlabelledRows = observed.logical_not().nonzero().squeeze(-1);
        if (labelledRows.shape[0] > 0)
        {
            var xl = x.index_select(0, labelledRows);
            var yl = labels.index_select(0, labelledRows);
            var labelled = model.LabelledBound(xl, yl) + alpha * Distributions.Densities.CategoricalLogProb(yl, model.ClassLogits(xl));
            result = result.index_copy(0, labelledRows, labelled);
        }
        if (unlabelledRows.shape[0] > 0)
            result = result.index_copy(0, unlabelledRows, model.UnlabelledObjective(x.index_select(0, unlabelledRows)));
        return result.MoveToOuterDisposeScope();
    }
}
