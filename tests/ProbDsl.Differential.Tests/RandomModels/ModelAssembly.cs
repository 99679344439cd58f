using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Differential.Tests.RandomModels;

/// <summary>Builds a valid <see cref="ModelSpec"/> from random material (a pure function, so shrinking stays valid).</summary>
internal sealed class ModelAssembly
{
    /// <summary>The language's limit on network inputs the generator supports.</summary>
    private const int MaxInputs = 5;

    /// <summary>Brute force enumerates every joint value of the discrete variables; keep that product small.</summary>
    private const int MaxJointSupport = 24;

    private readonly ModelMaterial _m;
    private int _coin;
    private int _shape;
    private int _constant;

    private ModelAssembly(ModelMaterial material) => _m = material;

    public static ModelSpec Build(ModelMaterial material) => new ModelAssembly(material).Build();

    private bool Coin(int percent) => _m.Coins[_coin++ % _m.Coins.Length] < percent;

    private NetShape NextShape() => _m.Shapes[_shape++ % _m.Shapes.Length];

    private ModelSpec Build()
    {
        var data = new VariableIr("x", VariableRole.Data, _m.Data.Family, _m.Data.Size);
        var label = _m.Label is { } l ? new VariableIr("y", VariableRole.Label, l.Family, l.Size) : null;
        var latents = Latents(label?.Size ?? 1);
        // Position latents.Length of an order stands for the label (dropped when there is none).
        var hidden = latents.Append(label).ToArray();
        var modelOrder = _m.ModelOrder.Select(i => hidden[i]).Where(v => v is not null).Select(v => v!).ToList();
        var auxiliary = Auxiliary(modelOrder);
        var core = modelOrder.Except(auxiliary).ToList();
        var factors = core.Select((v, i) => ModelFactor(v, core.Take(i).ToList())).ToList();
        factors.Add(DataFactor(data, core));
        factors.AddRange(auxiliary.Select((a, i) => AuxiliaryFactor(a, data, core.Concat(auxiliary.Take(i)).ToList())));
        var guides = Enumerable.Range(0, _m.GuideCount)
            .Select(g => Guide($"G{g + 1}", _m.GuideOrders[g].Select(i => hidden[i]).Where(v => v is not null).Select(v => v!).ToList()))
            .ToArray();
        var variables = new[] { data }.Concat(label is null ? Array.Empty<VariableIr>() : new[] { label }).Concat(latents).ToArray();
        return new ModelSpec("R", variables, factors.ToArray(), guides, label is null ? null : _m.Inference);
    }

    /// <summary>Continuous latents are z1, z2, …, discrete ones c1, c2, …; class counts shrink to keep enumeration small.</summary>
    private VariableIr[] Latents(int labelClasses)
    {
        var support = labelClasses;
        return _m.Latents.Select((latent, i) =>
        {
            if (!latent.Family.IsDiscreteLatentCapable())
                return new VariableIr($"z{i + 1}", VariableRole.Latent, latent.Family, latent.Size);
            var classes = support * latent.Size <= MaxJointSupport ? latent.Size : 2;
            support *= classes;
            return new VariableIr($"c{i + 1}", VariableRole.Latent, latent.Family, classes);
        }).ToArray();
    }

    /// <summary>p(v | parents): parents drawn among the variables before v in a random topological order.</summary>
    private FactorSpec ModelFactor(VariableIr variable, IReadOnlyList<VariableIr> earlier)
    {
        var parents = earlier.Where(_ => Coin(45)).Take(MaxInputs - 1).Select(v => v.Name).ToArray();
        if (parents.Length > 0)
            return new FactorSpec(variable.Name, parents, NextShape());
        return variable.IsDiscrete
            ? new FactorSpec(variable.Name, parents, null)
            : new FactorSpec(variable.Name, parents, null, _m.Constants[_constant++ % _m.Constants.Length]);
    }

    /// <summary>
    /// Continuous latents drawn after the data in the model, as the ADGM's auxiliary a in p(a | x, y, z): about one in
    /// six, as long as something else is left for the data to depend on.
    /// </summary>
    private List<VariableIr> Auxiliary(IReadOnlyList<VariableIr> order)
    {
        var auxiliary = order.Where(v => v.Role == VariableRole.Latent && !v.IsDiscrete && Coin(17)).ToList();
        if (auxiliary.Count == order.Count)
            auxiliary.RemoveAt(0);
        return auxiliary;
    }

    /// <summary>p(a | x, …): the data and a random subset of the variables before it.</summary>
    private FactorSpec AuxiliaryFactor(VariableIr auxiliary, VariableIr data, IReadOnlyList<VariableIr> earlier)
    {
        var parents = new[] { data.Name }.Concat(earlier.Where(_ => Coin(45)).Select(v => v.Name)).Take(MaxInputs).ToArray();
        return new FactorSpec(auxiliary.Name, parents, NextShape());
    }

    /// <summary>p(x | parents): at least one latent or the label, so the likelihood has a network.</summary>
    private FactorSpec DataFactor(VariableIr data, IReadOnlyList<VariableIr> hidden)
    {
        var parents = hidden.Where(_ => Coin(70)).Take(MaxInputs).Select(v => v.Name).ToList();
        if (parents.Count == 0)
            parents.Add(hidden[^1].Name);
        return new FactorSpec(data.Name, parents.ToArray(), NextShape(), FixedScale: _m.Data.Scale);
    }

    /// <summary>
    /// q factors in a random order, each on the data (usually) and a random subset of what comes before it. The
    /// label's factor mostly reads the data and continuous latents (the ADGM shape); rarely a discrete latent.
    /// </summary>
    private GuideSpec Guide(string name, IReadOnlyList<VariableIr> order)
    {
        var factors = order.Select((v, i) =>
        {
            var earlier = order.Take(i).Where(e => Coin(v.Role == VariableRole.Label ? (e.IsDiscrete ? 10 : 35) : 45));
            var conditions = (Coin(80) ? new[] { "x" } : Array.Empty<string>()).Concat(earlier.Select(e => e.Name)).Take(MaxInputs).ToArray();
            return new FactorSpec(v.Name, conditions.Length == 0 ? new[] { "x" } : conditions, NextShape());
        });
        return new GuideSpec(name, factors.ToArray());
    }
}
