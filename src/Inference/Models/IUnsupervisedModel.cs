using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Models;

/// <summary>A generated model without a label (<c>objective elbo</c>): its evidence lower bound per example.</summary>
public interface IUnsupervisedModel : IDisposable
{
    string Name { get; }

    string Factorisation { get; }

    string Explanation { get; }

    int DataSize { get; }

    /// <summary>The ELBO per example, discrete latents enumerated exactly, [B] (nats; higher is better).</summary>
    Tensor Bound(Tensor x);

    /// <summary>What training maximises, [B]: the bound itself, or an estimator's surrogate of it.</summary>
    Tensor Objective(Tensor x);

    /// <summary>
    /// The pieces of <see cref="Bound"/>, each per example [B], that add up to it: the data likelihood, each
    /// latent's closed-form −KL or sampled log p / −log q, and for enumerated latents each piece's expectation under
    /// q and their entropies. Evaluated only to explain a non-finite loss.
    /// </summary>
    IReadOnlyList<(string Name, Tensor PerExample)> BoundTerms(Tensor x);

    // ---- The latent space, for a model whose encodings feed another (Kingma et al.'s M1 under an M2).

    /// <summary>The guide's continuous latents, in the order the guide samples them.</summary>
    IReadOnlyList<string> ContinuousLatents { get; }

    /// <summary>
    /// E_q[<paramref name="latent"/> | x] under the guide, [B, size of the latent], with every discrete latent the
    /// latent's guide factor reads summed out exactly under q (for a mixture's q(z|x,c) q(c|x): Σ_c q(c|x) μ_z(x, c);
    /// for q(z|x): μ_z(x); a LogNormal latent's mean is exp(μ + σ²/2)). As <see cref="ISemiSupervisedModel.GuideMean"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="latent"/> is not one of <see cref="ContinuousLatents"/>.</exception>
    /// <exception cref="NotSupportedException">
    /// The latent's guide factor reads a continuous latent, directly or through a discrete one (z2 of q(z1|x) q(z2|z1)):
    /// the mean has no closed form, and a plug-in of the parents' means would not be it.
    /// </exception>
    Tensor GuideMean(string latent, Tensor x);

    /// <summary>
    /// q(<paramref name="latent"/> | x) as the Normal it is: its loc and scale, [B, size of the latent] each (a parameter
    /// the guide gives as a number expanded to that shape). Offered only when the latent's guide factor is a Normal
    /// whose conditions are data alone, so that loc + scale·ε, ε ~ N(0, 1), is a fresh draw of q(latent | x): how a
    /// stacked model takes M1's z1 as data, stored once and redrawn every batch.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="latent"/> is not one of <see cref="ContinuousLatents"/>.</exception>
    /// <exception cref="NotSupportedException">
    /// The factor is not a Normal (a LogNormal), or it reads a discrete latent (q(latent | x) is then a mixture of
    /// Normals) or a continuous one (a continuous mixture); the message says which.
    /// </exception>
    (Tensor Loc, Tensor Scale) GuideNormal(string latent, Tensor x);
}
