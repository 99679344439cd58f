using System;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Models;

/// <summary>
/// What a generated semi-supervised model (a model with a <c>label</c> variable and one of its guides) offers
/// the objective and the trainer. Bounds are per example, in nats; higher is better.
/// </summary>
public interface ISemiSupervisedModel : IDisposable
{
    /// <summary>Readable name, e.g. "M2 / Structured".</summary>
    string Name { get; }

    /// <summary>The model and guide factorisations, e.g. "p(x|y,z) p(y) p(z); q(z|x,y) q(y|x)".</summary>
    string Factorisation { get; }

    /// <summary>The compiler's explanation: factorisations, the bounds optimised, the independences the guide assumes.</summary>
    string Explanation { get; }

    int DataSize { get; }

    int ClassCount { get; }

    /// <summary>L(x, y): the bound for labelled examples, y given as class indices [B]. Returns [B].</summary>
    Tensor LabelledBound(Tensor x, Tensor y);

    /// <summary>U(x) = Σ_y q(y|x) L(x, y) + H(q(y|x)): the bound with y marginalised. Returns [B].</summary>
    Tensor UnlabelledBound(Tensor x);

    /// <summary>
    /// The per-example quantity whose gradient trains the unlabelled part, [B]: U(x) itself when y is enumerated,
    /// the relaxed surrogate when y is relaxed. Evaluation always uses the exact <see cref="UnlabelledBound"/>.
    /// </summary>
    Tensor UnlabelledObjective(Tensor x);

    /// <summary>Logits of q(y|x), [B, K]; argmax classifies.</summary>
    Tensor ClassLogits(Tensor x);
}
