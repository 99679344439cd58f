using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Interpreter;

/// <summary>
/// Evaluates an <c>mlp</c> from the IR with a generated module's weights, by their documented names: the first
/// layer is Σ_i W_i v_i + b (<c>{net}.input{Input}.weight</c>, the bias on the first input only), then
/// <c>{net}.hidden{i}</c> for further layers, each followed by the activation, then one affine head per
/// parameter (<c>{net}.head{Variable}{Parameter}</c>) and its transform. Categorical inputs arrive one-hot.
/// </summary>
internal static class ReferenceNet
{
    public static IReadOnlyDictionary<(string Variable, string Parameter), Tensor> Run(
        NetIr net, IReadOnlyDictionary<string, Tensor> weights, IReadOnlyList<Tensor> inputs)
    {
        Tensor Affine(string layer, Tensor input, bool bias = true) =>
            input.matmul(weights[$"{net.Name}.{layer}.weight"].t()) + (bias ? weights[$"{net.Name}.{layer}.bias"] : 0.0);

        var h = net.Inputs.Select((name, i) => Affine("input" + Naming.Pascal(name), inputs[i], bias: i == 0)).Aggregate((a, b) => a + b);
        h = Activate(net.Activation, h);
        for (var i = 1; i < net.Hidden.Count; i++)
            h = Activate(net.Activation, Affine($"hidden{i}", h));
        return net.Heads.ToDictionary(
            head => (head.Variable, head.Parameter),
            head => Transform(head.Transform, Affine("head" + Naming.Pascal(head.Variable) + Naming.Pascal(head.Parameter), h)));
    }

    private static Tensor Activate(Activation activation, Tensor h) => activation switch
    {
        Activation.Relu => h.relu(),
        Activation.Tanh => h.tanh(),
        _ => nn.functional.softplus(h),
    };

    private static Tensor Transform(HeadTransform transform, Tensor value) => transform switch
    {
        HeadTransform.Softplus => nn.functional.softplus(value),
        HeadTransform.Exp => value.exp(),
        _ => value,
    };
}

/// <summary>The generator's documented naming of members: snake_case parts joined in PascalCase.</summary>
internal static class Naming
{
    public static string Pascal(string name) =>
        string.Concat(name.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
