using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Writes a model's IR as the fluent C# calls that build it, one string per call (<c>Model.Define("M")</c>, then
/// <c>.Data(...)</c>, ...), so that the mutator can drop, repeat and reorder whole declarations. The spelling varies
/// at random where C# allows several (shortcuts or <c>Dist.Of</c>, collection expressions or arrays), since the
/// generator reads each differently.
/// </summary>
internal static class FluentChainWriter
{
    public static List<string> Calls(ModelIr model, Random random)
    {
        var calls = new List<string> { $"Model.Define({Str(model.Name)})" };
        calls.AddRange(model.Variables.Select(v => $".{v.Role}({Str(v.Name)}, DistributionFamily.{v.Family}, {v.Size})"));
        calls.AddRange(model.Nets.Select(n => $".Net({Str(n.Name)}, {Mlp(n, random)})"));
        calls.AddRange(model.Factors.Select(f => $".P({Factor(f, random)})"));
        calls.AddRange(model.Guides.Select(g => $".Guide({Str(g.Name)}, Guide{string.Concat(g.Factors.Select(f => $".Q({Factor(f, random)})"))})"));
        calls.AddRange(model.Inference.Select(Inference));
        calls.Add(model.Objective.Kind == ObjectiveKind.Elbo ? ".Elbo()" : $".SemiSupervised(alpha: {Num(model.Objective.Alpha)})");
        return calls;
    }

    private static string Mlp(NetIr net, Random random)
    {
        var heads = string.Concat(net.Heads.Select(h => h.Transform == HeadTransform.None
            ? $".To({Str(h.Variable + "." + h.Parameter)})"
            : $".To({Str(h.Variable + "." + h.Parameter)}, HeadTransform.{h.Transform})"));
        var hidden = net.Hidden.Count == 0 ? "" : random.Next(3) == 0
            ? string.Concat(net.Hidden.Select(w => $".Hidden({w})"))
            : $".Hidden({string.Join(", ", net.Hidden)})";
        var act = net.Activation == Activation.Softplus && random.Next(2) == 0 ? "" : $".Act(Activation.{net.Activation})";
        return $"Mlp.From({string.Join(", ", net.Inputs.Select(Str))}){hidden}{heads}{act}";
    }

    private static string Factor(FactorIr factor, Random random)
    {
        var given = factor.Conditions.Count == 0 && random.Next(2) == 0 ? "" : (random.Next(3) switch
        {
            0 => $"given: [{Names(factor.Conditions)}]",
            1 => $"new[] {{ {Names(factor.Conditions)} }}",
            _ => $"new string[] {{ {Names(factor.Conditions)} }}",
        }) + ", ";
        return $"{Str(factor.Target)}, {given}{Distribution(factor.Distribution, random)}";
    }

    private static string Distribution(DistributionIr distribution, Random random)
    {
        var arguments = distribution.Arguments;
        var shortcut = distribution.Family is DistributionFamily.Normal or DistributionFamily.Bernoulli or DistributionFamily.Categorical;
        if (shortcut && random.Next(2) == 0)
        {
            if (arguments.Count == 1 && arguments[0].Parameter is null && arguments[0].Value is NetCallExpr call)
                return $"Dist.{distribution.Family}({Value(call)})";
            if (arguments.Count == 1 && arguments[0].Value is UniformExpr && distribution.Family == DistributionFamily.Categorical)
                return "Dist.UniformCategorical()";
            if (arguments.All(a => a.Parameter is not null))
                return $"Dist.{distribution.Family}({string.Join(", ", arguments.Select(a => $"{a.Parameter}: {Value(a.Value)}"))})";
        }
        var all = arguments.Select(a => a.Parameter is null ? $"Arg.Positional({Value(a.Value)})" : $"Arg.Named({Str(a.Parameter)}, {Value(a.Value)})");
        return $"Dist.Of({string.Join(", ", all.Prepend($"DistributionFamily.{distribution.Family}"))})";
    }

    private static string Value(ExprIr value) => value switch
    {
        NumberExpr number => Num(number.Value),
        UniformExpr => "Value.Uniform()",
        NetCallExpr call => $"Net.Call({string.Join(", ", call.Arguments.Prepend(call.Net).Select(Str))})",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    private static string Inference(InferenceIr inference) => inference.Strategy switch
    {
        InferenceStrategy.Relax when inference.Relaxation is { } r =>
            $".Relax({Str(inference.Variable)}, tau0: {Num(r.Tau0)}, tauMin: {Num(r.TauMin)}, rate: {Num(r.Rate)}, every: {r.Every}, hard: {(r.Hard ? "true" : "false")})",
        InferenceStrategy.Reinforce when inference.Reinforce is { } b =>
            $".Reinforce({Str(inference.Variable)}, BaselineKind.{b.Baseline}, decay: {Num(b.Decay)})",
        InferenceStrategy.Relax => $".Relax({Str(inference.Variable)})",
        InferenceStrategy.Reinforce => $".Reinforce({Str(inference.Variable)})",
        _ => $".Enumerate({Str(inference.Variable)})",
    };

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(Str));

    public static string Str(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
