using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Models;

/// <summary>
/// A model's guide q(h | x) as another model's data (Kingma et al.'s M1+M2): the Normal parameters of every row,
/// computed in batches on the model's device without gradients and gathered on the CPU, where a
/// <see cref="Training.DataSplit.Gaussian"/> keeps them.
/// </summary>
public static class GuideCodes
{
    public const int Batch = 1000;

    /// <returns>q(<paramref name="latent"/> | row)'s loc and scale for every row of <paramref name="rows"/>, [N, size] each.</returns>
    /// <exception cref="NotSupportedException">The latent's guide factor is not a Normal of the data alone (see <see cref="IUnsupervisedModel.GuideNormal"/>).</exception>
    public static (Tensor Loc, Tensor Scale) Normal(IUnsupervisedModel model, string latent, Tensor rows, Device device)
    {
        using var noGrad = no_grad();
        var locs = new List<Tensor>();
        var scales = new List<Tensor>();
        try
        {
            // At least one batch, so that no rows still give [0, size] tensors of the right size.
            for (long start = 0; start == 0 || start < rows.shape[0]; start += Batch)
            {
                var (loc, scale) = model.GuideNormal(latent, rows.narrow(0, start, Math.Min(Batch, rows.shape[0] - start)).to(device));
                locs.Add(loc);
                scales.Add(scale);
            }
            return (cat(locs, 0).cpu(), cat(scales, 0).cpu());
        }
        finally
        {
            foreach (var part in locs)
                part.Dispose();
            foreach (var part in scales)
                part.Dispose();
        }
    }
}
