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
}
