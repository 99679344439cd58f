using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Interpreter;

/// <summary>
/// A factor's distribution parameters as tensors, bound as the language defines it: a single network call binds
/// every parameter to that network's heads for the target; otherwise arguments bind by position, then by name.
/// A number is a scalar tensor; <c>uniform</c> logits are zeros over the K classes.
/// </summary>
internal static class FactorParameters
{
    public static IReadOnlyDictionary<string, Tensor> Of(ModelIr model, FactorIr factor, Func<NetIr, IReadOnlyDictionary<(string, string), Tensor>> run)
    {
        var family = factor.Distribution.Family;
        var names = family.Parameters();
        var arguments = factor.Distribution.Arguments;
        var bound = new Dictionary<string, Tensor>();
        if (arguments.Count == 1 && arguments[0].Parameter is null && arguments[0].Value is NetCallExpr all)
        {
            foreach (var name in names)
                bound[name] = run(model.FindNet(all.Net)!)[(factor.Target, name)];
            return bound;
        }
        var positional = arguments.Where(a => a.Parameter is null).ToList();
        for (var i = 0; i < positional.Count; i++)
            bound[names[i]] = Value(model, factor, names[i], positional[i].Value, run);
        foreach (var named in arguments.Where(a => a.Parameter is not null))
            bound[named.Parameter!] = Value(model, factor, named.Parameter!, named.Value, run);
        return bound;
    }

    private static Tensor Value(ModelIr model, FactorIr factor, string parameter, ExprIr value,
        Func<NetIr, IReadOnlyDictionary<(string, string), Tensor>> run) => value switch
    {
        NumberExpr number => tensor(number.Value, dtype: float64),
        UniformExpr => zeros(model.FindVariable(factor.Target)!.Size, dtype: float64),
        NetCallExpr call => run(model.FindNet(call.Net)!)[(factor.Target, parameter)],
        _ => throw new InvalidOperationException($"No value for {factor.Target}.{parameter}"),
    };
}
