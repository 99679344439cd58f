using System;
using System.Collections.Generic;
using TorchSharp.Modules;
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

    // ---- What a report needs: the latent space, class-conditional samples, the guide's parameters.

    /// <summary>The guide's continuous latents, in the order the guide samples them.</summary>
    IReadOnlyList<string> ContinuousLatents { get; }

    /// <summary>
    /// E_q[<paramref name="latent"/> | x] under the guide, [B, size of the latent], with the label and every
    /// discrete latent the latent's guide factor reads summed out exactly under q (for q(z|x,y) q(y|x):
    /// Σ_y q(y|x) μ_z(x, y); for q(z|x): μ_z(x); a LogNormal latent's mean is exp(μ + σ²/2)).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="latent"/> is not one of <see cref="ContinuousLatents"/>.</exception>
    /// <exception cref="NotSupportedException">
    /// The latent's guide factor reads a continuous latent, directly or through a discrete one (q(z2|z1), or z of
    /// q(a|x) q(y|a,x) q(z|a,x,y)): the mean has no closed form, and a plug-in of the parents' means would not be it.
    /// </exception>
    Tensor GuideMean(string latent, Tensor x);

    /// <summary>
    /// Ancestral sampling from the model with the label given as class indices <paramref name="y"/> [B]: each
    /// continuous latent the data depends on is drawn by reparameterisation from <paramref name="noise"/> (one
    /// standard-normal [B, size] tensor per entry of <see cref="ContinuousLatents"/>, in that order; entries of
    /// latents the data does not depend on, such as an auxiliary p(a|x,·), are not read), and the mean of the data
    /// distribution is returned, [B, DataSize]: Bernoulli probabilities, a Normal's loc, a LogNormal's
    /// exp(μ + σ²/2), a Beta's α/(α+β), one-hot probabilities. Discrete latents other than the label that the data
    /// depend on (M2Nuisance's b) are summed out exactly under their prior: Σ_b p(b|·) E[x | y, b, z]. The same
    /// noise row with each class gives Kingma et al.'s (2014) "z fixed" class-conditional grids.
    /// </summary>
    /// <exception cref="ArgumentException">The noise does not match <see cref="ContinuousLatents"/> or the batch of <paramref name="y"/>.</exception>
    Tensor GenerateMean(Tensor y, IReadOnlyList<Tensor> noise);

    /// <summary>The parameters of the guide's networks (every network a q factor calls), and of no other network.</summary>
    IEnumerable<Parameter> GuideParameters();

    // ---- What explains a non-finite bound (evaluated only after a trip, never in a training step).

    /// <summary>
    /// The pieces of <see cref="LabelledBound"/>, each per example [B], that add up to it: the data likelihood,
    /// each latent's closed-form −KL or sampled log p / −log q, log p(y), and, for enumerated discrete latents,
    /// each piece's expectation under q and their entropies. Names like "likelihood log p(x|y,z)" or
    /// "-KL(q(z|x,y) || p(z))". Draws are fresh, so compare sums within one call only.
    /// </summary>
    IReadOnlyList<(string Name, Tensor PerExample)> LabelledBoundTerms(Tensor x, Tensor y);

    /// <summary>
    /// The pieces of <see cref="UnlabelledBound"/> (y enumerated): each term's expectation under q(y|x) (and the
    /// discrete latents'), and the entropy H(q(y|x)); they add up to U(x). [B] each.
    /// </summary>
    IReadOnlyList<(string Name, Tensor PerExample)> UnlabelledBoundTerms(Tensor x);
}
