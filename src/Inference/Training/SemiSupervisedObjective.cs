using System;
using System.Collections.Generic;
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
    public const string LabelledTerm = "labelled bound L(x,y)";
    public const string ClassificationTerm = "classification term log q(y|x)";
    public const string UnlabelledTerm = "unlabelled objective U(x)";

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

    /// <summary>
    /// The labelled part of <see cref="Loss"/> alone, times <paramref name="weight"/>: a step of its own in the
    /// <see cref="LabelledSchedule.Interleaved"/> schedule, whose weight (unlabelled steps per labelled step) keeps
    /// each term's weight per epoch that of Eq. 9.
    /// </summary>
    public Tensor LabelledLoss(ISemiSupervisedModel model, Tensor labelledX, Tensor labelledY, double weight)
    {
        using var scope = NewDisposeScope();
        var labelled = model.LabelledBound(labelledX, labelledY).mean();
        var logQ = Distributions.Densities.CategoricalLogProb(labelledY, model.ClassLogits(labelledX)).mean();
        var objective = (labelled * LabelledFraction + logQ * Alpha) * weight;
        return objective.neg().MoveToOuterDisposeScope();
    }

    /// <summary>The unlabelled part of <see cref="Loss"/> alone: the other steps of the interleaved schedule.</summary>
    public Tensor UnlabelledLoss(ISemiSupervisedModel model, Tensor unlabelledX)
    {
        using var scope = NewDisposeScope();
        var objective = model.UnlabelledObjective(unlabelledX).mean() * (1 - LabelledFraction);
        return objective.neg().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Each term of <see cref="Loss"/> alone (batch means, without gradients) and the non-finite input batches:
    /// what explains a NaN loss. Random draws are drawn again, so a term that was non-finite only by chance may
    /// come out finite.
    /// </summary>
    /// <remarks>A step of the interleaved schedule has only one kind of batch; the other is null.</remarks>
    public LossBreakdown Breakdown(ISemiSupervisedModel model, Tensor? labelledX, Tensor? labelledY, Tensor? unlabelledX)
    {
        using var noGrad = no_grad();
        var terms = new List<LossTerm>();
        var inputs = new List<(string, Tensor)>();
        if (labelledX is not null && labelledY is not null)
        {
            terms.Add(WithParts(Term(LabelledTerm, () => model.LabelledBound(labelledX, labelledY)),
                LabelledBoundParts, () => model.LabelledBoundTerms(labelledX, labelledY)));
            terms.Add(Term(ClassificationTerm, () => Distributions.Densities.CategoricalLogProb(labelledY, model.ClassLogits(labelledX))));
            inputs.Add(("labelled batch", labelledX));
        }
        if (unlabelledX is not null)
        {
            terms.Add(WithParts(Term(UnlabelledTerm, () => model.UnlabelledObjective(unlabelledX)),
                UnlabelledBoundParts, () => model.UnlabelledBoundTerms(unlabelledX)));
            inputs.Add(("unlabelled batch", unlabelledX));
        }
        return new LossBreakdown(terms, InputCheck.NonFinite(inputs.ToArray()));
    }

    /// <summary>What the parts of a non-finite labelled term are of.</summary>
    public const string LabelledBoundParts = "the labelled bound L(x,y)";

    /// <summary>What the parts of a non-finite unlabelled term are of (the exact bound, whatever the estimator).</summary>
    public const string UnlabelledBoundParts = "the unlabelled bound U(x), y enumerated";

    /// <summary>
    /// A non-finite term with the bound's own pieces (KL, likelihood, priors, entropies) evaluated one by one, so
    /// the message can say which went non-finite; a finite term as it is.
    /// </summary>
    internal static LossTerm WithParts(LossTerm term, string partsOf, Func<IReadOnlyList<(string Name, Tensor PerExample)>> parts)
    {
        if (term.IsFinite)
            return term;
        using var scope = NewDisposeScope();
        try
        {
            var values = new List<LossTerm>();
            foreach (var (name, perExample) in parts())
                values.Add(new LossTerm(name, perExample.mean().ToDouble()));
            return term with { PartsOf = partsOf, Parts = values };
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or ArgumentException)
        {
            return term;
        }
    }

    /// <summary>
    /// A term's batch mean. A term that throws on non-finite values (sampling from NaN probabilities does) counts
    /// as NaN: the explanation of the first failure must not fail itself.
    /// </summary>
    internal static LossTerm Term(string name, Func<Tensor> perExample)
    {
        using var scope = NewDisposeScope();
        try
        {
            return new LossTerm(name, perExample().mean().ToDouble());
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or ArgumentException)
        {
            return new LossTerm(name, double.NaN);
        }
    }
}
