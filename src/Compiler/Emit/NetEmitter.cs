using System.Collections.Generic;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler.Emit;

/// <summary>
/// Writes one typed TorchSharp module per network. Each input gets its own first-layer projection and the
/// projections are summed: the same function as one layer on the concatenated inputs, but inputs keep their own
/// batch shapes, so an enumerated one-hot ([K, 1, K]) is projected once per class rather than per class and example.
/// With hoisting off (<see cref="Planning.ModelPlan.Hoisting"/>) the same weights act as that one layer on the
/// inputs broadcast to their common shape and concatenated, which is what tracing computes.
/// </summary>
internal static class NetEmitter
{
    public static string ClassName(ModelIr model, NetIr net) => Names.Pascal(model.Name) + Names.Pascal(net.Name) + "Net";


    /// <summary>Width of an input: a categorical enters as a one-hot vector.</summary>
    public static int InputWidth(ModelIr model, string input) => model.FindVariable(input)!.Size;

    /// <summary>Writes the network's class; its forward method's parameters are the inputs' <paramref name="locals"/> (the forward's own are <c>scope</c> and <c>h</c>).</summary>
    public static void Emit(SourceWriter w, ModelIr model, NetIr net, bool hoisting, LocalNames locals)
    {
        var className = ClassName(model, net);
        var tensorArgs = string.Join(", ", net.Inputs.Select(_ => "Tensor"));
        var result = net.Heads.Count == 1 ? "Tensor" : $"{className}.Output";
        w.Line($"/// <summary>Network <c>{net.Name}</c> of model <c>{model.Name}</c>: {Describe(net)}.</summary>");
        using (w.Block($"public sealed class {className} : nn.Module<{tensorArgs}, {result}>"))
        {
            if (net.Heads.Count > 1)
            {
                w.Line($"/// <summary>The heads of <c>{net.Name}</c>, one per distribution parameter it feeds.</summary>");
                w.Line($"public readonly record struct Output({string.Join(", ", net.Heads.Select(h => "Tensor " + locals.OutputProperty(net, h)))});");
                w.Line();
            }
            EmitFields(w, net, locals);
            w.Line();
            EmitConstructor(w, model, net, className, locals);
            w.Line();
            EmitForward(w, net, result, hoisting, locals);
        }
    }

    private static string Describe(NetIr net) =>
        $"mlp({string.Join(", ", net.Inputs)} -> {string.Join(" -> ", net.Hidden)} -> {string.Join(", ", net.Heads)}, act: {net.Activation.ToString().ToLowerInvariant()})";

    private static IEnumerable<string> HiddenLayerFields(NetIr net) => Enumerable.Range(1, net.Hidden.Count - 1).Select(i => $"hidden{i}");


    private static void EmitFields(SourceWriter w, NetIr net, LocalNames locals)
    {
        foreach (var input in net.Inputs)
            w.Line($"private readonly Linear {locals.InputField(net, input)};");
        foreach (var hidden in HiddenLayerFields(net))
            w.Line($"private readonly Linear {hidden};");
        foreach (var head in net.Heads)
            w.Line($"private readonly Linear {locals.HeadField(net, head)};");
    }

    private static void EmitConstructor(SourceWriter w, ModelIr model, NetIr net, string className, LocalNames locals)
    {
        using (w.Block($"public {className}() : base(\"{net.Name}\")"))
        {
            for (var i = 0; i < net.Inputs.Count; i++)
            {
                // Only the first projection has a bias: the sum of projections is one affine layer.
                var bias = i == 0 ? "" : ", hasBias: false";
                w.Line($"{locals.InputField(net, net.Inputs[i])} = nn.Linear({InputWidth(model, net.Inputs[i])}, {net.Hidden[0]}{bias});");
            }
            var hiddenFields = HiddenLayerFields(net).ToList();
            for (var i = 0; i < hiddenFields.Count; i++)
                w.Line($"{hiddenFields[i]} = nn.Linear({net.Hidden[i]}, {net.Hidden[i + 1]});");
            foreach (var head in net.Heads)
                w.Line($"{locals.HeadField(net, head)} = nn.Linear({net.Hidden[net.Hidden.Count - 1]}, {model.FindVariable(head.Variable)!.Size});");
            w.Line("RegisterComponents();");
        }
    }

    private static void EmitForward(SourceWriter w, NetIr net, string result, bool hoisting, LocalNames locals)
    {
        var parameters = string.Join(", ", net.Inputs.Select(i => "Tensor " + locals.Variable(i)));
        using (w.Block($"public override {result} forward({parameters})"))
        {
            w.Line("using var scope = NewDisposeScope();");
            if (hoisting || net.Inputs.Count == 1)
            {
                w.Line($"var h = {Activate(net.Activation, SeparateProjections(net, locals))};");
            }
            else
            {
                w.Line("// Hoisting off: one layer on the inputs broadcast to their common shape and concatenated.");
                w.Line($"var h = {Activate(net.Activation, ConcatenatedLayer(net, locals))};");
            }
            foreach (var hidden in HiddenLayerFields(net))
                w.Line($"h = {Activate(net.Activation, $"this.{hidden}.call(h)")};");
            var heads = net.Heads.Select(h => $"{Transform(h.Transform, $"this.{locals.HeadField(net, h)}.call(h)")}.MoveToOuterDisposeScope()").ToList();
            w.Line(net.Heads.Count == 1 ? $"return {heads[0]};" : $"return new Output({string.Join(", ", heads)});");
        }
    }

    /// <summary>Σ_i W_i v_i + b: each input projected at its own shape, the sum broadcast.</summary>
    private static string SeparateProjections(NetIr net, LocalNames locals) =>
        string.Join(" + ", net.Inputs.Select(i => $"this.{locals.InputField(net, i)}.call({locals.Variable(i)})"));

    /// <summary>[W_1 … W_n] [v_1; …; v_n] + b at the broadcast shape of all inputs; the same parameters as the split layer.</summary>
    private static string ConcatenatedLayer(NetIr net, LocalNames locals)
    {
        var inputs = string.Join(", ", net.Inputs.Select(locals.Variable));
        var weights = string.Join(", ", net.Inputs.Select(i => $"this.{locals.InputField(net, i)}.weight!"));
        return $"F.linear(global::ProbDsl.Inference.Models.Broadcasting.Concatenate({inputs}), cat(new Tensor[] {{ {weights} }}, 1), this.{locals.InputField(net, net.Inputs[0])}.bias)";
    }

    private static string Activate(Activation activation, string value) => activation switch
    {
        Activation.Relu => $"F.relu({value})",
        Activation.Tanh => $"tanh({value})",
        _ => $"F.softplus({value})",
    };

    private static string Transform(HeadTransform transform, string value) => transform switch
    {
        HeadTransform.Softplus => $"F.softplus({value})",
        HeadTransform.Exp => $"{value}.exp()",
        _ => value,
    };
}
