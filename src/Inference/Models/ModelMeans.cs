using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Models;

/// <summary>Helpers of the generated <c>GuideMean</c> and <c>GenerateMean</c> (see <see cref="ISemiSupervisedModel"/>).</summary>
public static class ModelMeans
{
    /// <summary>
    /// Σ over the enumerated values of exp(<paramref name="logWeight"/>) · <paramref name="value"/>: the weight
    /// [K_1, ..., K_m, B] (sizes 1 where it does not vary), the value [K_1, ..., K_m, B or 1, d]; returns [B, d].
    /// </summary>
    public static Tensor OverEnumerated(Tensor logWeight, Tensor value, int enumeratedDims, Tensor data)
    {
        using var scope = NewDisposeScope();
        var weighted = logWeight.exp().unsqueeze(-1) * value;
        while (weighted.dim() < enumeratedDims + 2)
            weighted = weighted.unsqueeze(0);
        var summed = weighted.flatten(0, enumeratedDims - 1).sum(dim: 0);
        return summed.expand(data.shape[0], summed.shape[^1]).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>A per-example mean [B, d] from a value that may lack the batch dimension ([d] or [1, d]).</summary>
    public static Tensor PerExample(Tensor value, long batch, long size)
    {
        if (value.dim() == 2 && value.shape[0] == batch && value.shape[1] == size)
            return value;
        return value.expand(batch, size).contiguous();
    }

    /// <summary>
    /// Checks the noise handed to <c>GenerateMean</c>: one [B, size] tensor per continuous latent, in order, with
    /// B the number of labels.
    /// </summary>
    /// <exception cref="ArgumentException">With the latent, the expected and the given shapes.</exception>
    public static void CheckNoise(IReadOnlyList<Tensor> noise, Tensor labels, params (string Latent, int Size)[] latents)
    {
        if (labels.dim() != 1)
            throw new ArgumentException($"The labels must be class indices [B]; got shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        if (noise.Count != latents.Length)
            throw new ArgumentException(
                $"Expected {latents.Length} noise tensor(s), one per continuous latent ({string.Join(", ", latents.Select(l => l.Latent))}); got {noise.Count}.",
                nameof(noise));
        var batch = labels.shape[0];
        for (var i = 0; i < latents.Length; i++)
        {
            var shape = noise[i].shape;
            if (shape.Length != 2 || shape[0] != batch || shape[1] != latents[i].Size)
                throw new ArgumentException(
                    $"The noise of '{latents[i].Latent}' (entry {i}) must be [{batch}, {latents[i].Size}]; got [{string.Join(", ", shape)}].",
                    nameof(noise));
        }
    }

    /// <summary>
    /// Class indices [B] as one-hot rows [B, K] in the dtype of <paramref name="model"/>'s weights (of the noise when
    /// it has none; the default dtype when neither has one).
    /// </summary>
    public static Tensor OneHotLabel(Tensor labels, int classes, IReadOnlyList<Tensor> noise, nn.Module model)
    {
        var weight = model.parameters().FirstOrDefault();
        var dtype = weight is not null ? weight.dtype : noise.Count > 0 ? noise[0].dtype : get_default_dtype();
        return nn.functional.one_hot(labels, classes).to(dtype);
    }
}
