using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Differential.Tests.RandomModels;

/// <summary>
/// CsCheck generators of random valid models: 1–5 latents (Normal, LogNormal, Categorical, OneHotCategorical),
/// one data variable, with or without a label; a random model DAG over latents and label (chains, forks,
/// colliders, continuous ↔ discrete edges), and one or two guides, each a random order of the latents with every
/// factor conditioning on a random subset of the data and what comes before it. The random choices are drawn as
/// flat material (coins, shapes, orders) and assembled by <see cref="ModelAssembly"/>, so CsCheck can shrink them.
/// </summary>
public static class ModelGenerator
{
    /// <summary>Small networks: one or two hidden layers of 2–4 units.</summary>
    private static readonly Gen<NetShape> Shape = Gen.Select(
        Gen.Int[2, 4].Array[1, 2], Gen.Enum<Activation>(), Gen.OneOfConst(HeadTransform.Softplus, HeadTransform.Exp),
        (hidden, activation, transform) => new NetShape(hidden, activation, transform));

    private static readonly Gen<(DistributionFamily Family, int Size)> Latent = Gen.Frequency(
        (3, Gen.Int[1, 3].Select(s => (DistributionFamily.Normal, s))),
        (2, Gen.Int[1, 2].Select(s => (DistributionFamily.LogNormal, s))),
        (2, Gen.Int[2, 3].Select(k => (DistributionFamily.Categorical, k))),
        (1, Gen.Int[2, 3].Select(k => (DistributionFamily.OneHotCategorical, k))));

    /// <summary>The data variable and, for a Normal or LogNormal, a fixed observation scale (null: learned).</summary>
    private static readonly Gen<(DistributionFamily Family, int Size, double? Scale)> Data = Gen.Frequency(
        (3, Gen.Int[2, 4].Select(s => (DistributionFamily.Bernoulli, s, (double?)null))),
        (2, Gen.Int[1, 3].Select(s => (DistributionFamily.Normal, s, (double?)null))),
        (2, Gen.Select(Gen.Int[1, 3], Gen.OneOfConst(0.5, 1.0, 2.0), (s, scale) => (DistributionFamily.Normal, s, (double?)scale))),
        (1, Gen.Int[1, 3].Select(s => (DistributionFamily.LogNormal, s, (double?)null))),
        (1, Gen.Int[1, 3].Select(s => (DistributionFamily.Beta, s, (double?)null))),
        (1, Gen.Int[2, 3].Select(s => (DistributionFamily.OneHotCategorical, s, (double?)null))));

    private static readonly Gen<(DistributionFamily Family, int Size)?> Label = Gen.Frequency(
        (2, Gen.Const(((DistributionFamily, int)?)null)),
        (3, Gen.Select(Gen.OneOfConst(DistributionFamily.Categorical, DistributionFamily.OneHotCategorical), Gen.Int[2, 3],
            (f, k) => ((DistributionFamily, int)?)(f, k))));

    /// <summary>Every estimator of the label; null is 'enumerate' left to the default.</summary>
    private static readonly Gen<string?> Inference = Gen.OneOfConst<string?>(
        null, "enumerate", "relax", "relax(tau: 0.7)", "relax(tau: 1.5 -> 0.5, hard)", "relax(hard)",
        "reinforce(baseline: average)", "reinforce(baseline: none)", "reinforce(baseline: learned, decay: 0.9)");

    /// <summary>Constant priors of continuous roots: (loc, scale).</summary>
    private static readonly Gen<double[]> Constants = Gen.Select(Gen.OneOfConst(0.0, 0.5, -1.0), Gen.OneOfConst(1.0, 0.7, 1.5), (l, s) => new[] { l, s });

    public static readonly Gen<ModelSpec> Model =
        from latents in Latent.Array[1, 5]
        from label in Label
        from data in Data
        from inference in Inference
        from modelOrder in Gen.Shuffle(Enumerable.Range(0, latents.Length + 1).ToArray())
        from guideCount in Gen.FrequencyConst((4, 1), (1, 2))
        from guideOrders in Gen.Shuffle(Enumerable.Range(0, latents.Length + 1).ToArray()).Array[2]
        from coins in Gen.Int[0, 99].Array[160]
        from shapes in Shape.Array[24]
        from constants in Constants.Array[6]
        select ModelAssembly.Build(new ModelMaterial(latents, label, data, inference, modelOrder, guideCount, guideOrders, coins, shapes, constants));

    /// <summary>The model number <paramref name="index"/> of the run seeded with <paramref name="seed"/>: the same on every run.</summary>
    public static ModelSpec Generate(ulong seed, int index)
    {
        var pcg = new PCG((uint)index, seed);
        return Model.Generate(pcg, null, out _) with { Name = $"R{index}" };
    }
}

/// <summary>The flat random choices one model is built from.</summary>
public sealed record ModelMaterial(
    (DistributionFamily Family, int Size)[] Latents,
    (DistributionFamily Family, int Size)? Label,
    (DistributionFamily Family, int Size, double? Scale) Data,
    string? Inference,
    int[] ModelOrder,
    int GuideCount,
    int[][] GuideOrders,
    int[] Coins,
    NetShape[] Shapes,
    double[][] Constants);
