using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Examples.Mixture;

/// <summary>
/// Compares the guide q(k|x) of a <see cref="MixturePosterior"/> with two exact posteriors: the model's own,
/// p_θ(k|x) ∝ p(k) p_θ(x|k) by enumerating k (the ELBO's gap log p_θ(x) − ELBO is exactly KL(q || p_θ(k|x))),
/// and the true generating process's p*(k|x). The model may number its components in any order, so each learned
/// component is first matched to the prototype its mean image is closest to.
/// </summary>
internal sealed class PosteriorComparison
{
    private readonly MixturePosterior _model;

    public PosteriorComparison(MixturePosterior model) => _model = model;

    private TModule Net<TModule>(string name) where TModule : nn.Module =>
        (TModule)_model.named_children().Single(c => c.name == name).module;

    /// <summary>log q(k|x), [B, 3].</summary>
    public Tensor LogGuide(Tensor x) => nn.functional.log_softmax(Net<MixtureResponsibilityNet>("responsibility").call(x), 1);

    /// <summary>log p_θ(k|x) by enumeration: log p(k) + log p_θ(x|k), normalised over k, [B, 3].</summary>
    public Tensor LogModelPosterior(Tensor x)
    {
        var logits = Net<MixtureComponentNet>("component").call(eye(KnownMixture.Components, dtype: x.dtype)); // [3, 6]
        var logLikelihood = (x.unsqueeze(1) * logits - nn.functional.softplus(logits)).sum(dim: -1);          // [B, 3]
        return nn.functional.log_softmax(logLikelihood, 1); // the uniform prior cancels
    }

    /// <summary>For each learned component, the prototype it stands for (the permutation closest in mean image).</summary>
    public int[] MatchComponents()
    {
        using var noGrad = no_grad();
        var means = nn.functional.sigmoid(Net<MixtureComponentNet>("component").call(eye(KnownMixture.Components)))
            .data<float>().ToArray().Chunk(KnownMixture.Pixels).ToArray();
        double Distance(int learned, int prototype) => means[learned].Zip(KnownMixture.Prototypes[prototype], (m, p) => Math.Abs(m - p)).Sum();
        return Permutations(KnownMixture.Components).MinBy(p => p.Select((prototype, learned) => Distance(learned, prototype)).Sum())!;
    }

    /// <summary>Mean KL(q(k|x) || posterior) over the rows, in nats.</summary>
    public static double MeanKl(Tensor logQ, Tensor logPosterior) =>
        (logQ.exp() * (logQ - logPosterior)).sum(dim: 1).mean().ToDouble();

    /// <summary>Columns reordered so that column j is prototype j's component.</summary>
    public static Tensor InPrototypeOrder(Tensor perComponent, int[] prototypeOfComponent)
    {
        var order = Enumerable.Range(0, prototypeOfComponent.Length).Select(j => (long)Array.IndexOf(prototypeOfComponent, j)).ToArray();
        return perComponent.index_select(1, tensor(order));
    }

    private static IEnumerable<int[]> Permutations(int n) =>
        n == 0 ? new[] { Array.Empty<int>() }
        : Permutations(n - 1).SelectMany(p => Enumerable.Range(0, n).Select(i => p.Take(i).Append(n - 1).Concat(p.Skip(i)).ToArray()));
}
