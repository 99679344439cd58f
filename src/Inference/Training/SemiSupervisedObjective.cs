using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Kingma et al. 2014, Eq. 9, per training example: J/N with
/// J = Σ_{D_l} L(x,y) + Σ_{D_u} U(x) + α·(N/|D_l|)·Σ_{D_l} log q(y|x).
/// A step estimates each sum from a minibatch (mean × set size), so the estimate is unbiased whatever the
/// batch sizes; the classification term's per-step weight reduces to exactly α.
/// </summary>
public sealed class SemiSupervisedObjective
{
    public SemiSupervisedObjective(double alpha, long labelledCount, long unlabelledCount)
    {
        Alpha = alpha;
        LabelledFraction = (double)labelledCount / (labelledCount + unlabelledCount);
    }

    public double Alpha { get; }

    /// <summary>|D_l| / N.</summary>
    public double LabelledFraction { get; }

    /// <summary>The loss to minimise: -J/N estimated from one labelled and one unlabelled batch.</summary>
    public Tensor Loss(ISemiSupervisedModel model, Tensor labelledX, Tensor labelledY, Tensor unlabelledX)
    {
        using var scope = NewDisposeScope();
        var labelled = model.LabelledBound(labelledX, labelledY).mean();
        var logQ = Distributions.Densities.CategoricalLogProb(labelledY, model.ClassLogits(labelledX)).mean();
        var unlabelled = model.UnlabelledObjective(unlabelledX).mean();
        var objective = labelled * LabelledFraction + logQ * Alpha + unlabelled * (1 - LabelledFraction);
        return objective.neg().MoveToOuterDisposeScope();
    }
}
