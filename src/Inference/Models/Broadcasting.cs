using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Models;

/// <summary>
/// What a tracing library does to a network's inputs before its first layer (e.g. Pyro's SS-VAE concatenating
/// x [B, D] with an enumerated y [K, 1, K]): broadcast every input to the common leading shape, then concatenate
/// along the features. Generated code uses it only with hoisting off.
/// </summary>
public static class Broadcasting
{
    /// <summary>The inputs [..., D_i] expanded to their broadcast leading shape S and concatenated: [S..., Σ D_i].</summary>
    public static Tensor Concatenate(params Tensor[] inputs)
    {
        using var scope = NewDisposeScope();
        var leading = LeadingShape(inputs);
        var expanded = new Tensor[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var shape = new long[leading.Length + 1];
            leading.CopyTo(shape, 0);
            shape[^1] = inputs[i].shape[^1];
            expanded[i] = inputs[i].expand(shape);
        }
        return cat(expanded, -1).MoveToOuterDisposeScope();
    }

    /// <summary>NumPy broadcasting of every shape without its last (feature) dimension.</summary>
    private static long[] LeadingShape(Tensor[] inputs)
    {
        var rank = 0;
        foreach (var input in inputs)
            rank = Math.Max(rank, (int)input.dim() - 1);
        var shape = new long[rank];
        for (var i = 0; i < rank; i++)
            shape[i] = 1;
        foreach (var input in inputs)
        {
            var offset = rank - ((int)input.dim() - 1);
            for (var d = 0; d < input.dim() - 1; d++)
            {
                var size = input.shape[d];
                if (size != 1 && shape[offset + d] != 1 && shape[offset + d] != size)
                    throw new ArgumentException($"Input shapes [{string.Join(", ", input.shape)}] do not broadcast with the others.");
                if (size != 1)
                    shape[offset + d] = size;
            }
        }
        return shape;
    }
}
