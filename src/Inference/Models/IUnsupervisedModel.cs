using System;
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
}
