using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>
/// Binds a factor's distribution arguments to the family's parameters: by name, by position, or all at once
/// from one network call (<c>Normal(encoder(x, y))</c> takes z.loc and z.scale from encoder's heads).
/// </summary>
public static class ParameterBinder
{
    public static IReadOnlyList<BoundParameter> Bind(ModelIr model, FactorIr factor, char density, string filePath, List<DslDiagnostic> diagnostics)
    {
        var distribution = factor.Distribution;
        var parameters = distribution.Family.Parameters();
        var bound = new Dictionary<string, ParameterSource>();
        var attempted = new HashSet<string>();
        var positional = distribution.Arguments.Where(a => a.Parameter is null).ToList();

        if (positional.Count == 1 && positional[0].Value is NetCallExpr && distribution.Arguments.Count == 1)
        {
            foreach (var parameter in parameters)
                BindOne(model, factor, density, parameter, positional[0], filePath, diagnostics, bound, attempted);
        }
        else
        {
            for (var i = 0; i < positional.Count; i++)
            {
                if (i >= parameters.Count)
                {
                    diagnostics.Add(DiagnosticDescriptors.UnknownParameter.Create(filePath, positional[i].Meta.Span,
                        distribution.Family, $"#{i + 1}", string.Join(", ", parameters)));
                    continue;
                }
                BindOne(model, factor, density, parameters[i], positional[i], filePath, diagnostics, bound, attempted);
            }
        }

        foreach (var named in distribution.Arguments.Where(a => a.Parameter is not null))
        {
            if (!parameters.Contains(named.Parameter!))
            {
                diagnostics.Add(DiagnosticDescriptors.UnknownParameter.Create(filePath, named.Meta.Span,
                    distribution.Family, named.Parameter!, string.Join(", ", parameters)));
                // A misspelt name stands for a parameter the user meant to give: do not also call it missing.
                attempted.UnionWith(parameters.Where(p => !distribution.Arguments.Any(a => a.Parameter == p)));
            }
            else
                BindOne(model, factor, density, named.Parameter!, named, filePath, diagnostics, bound, attempted);
        }

        // A parameter whose argument was wrong has been reported already; report only those never given.
        foreach (var missing in parameters.Where(p => !bound.ContainsKey(p) && !attempted.Contains(p)))
            diagnostics.Add(DiagnosticDescriptors.MissingParameter.Create(filePath, distribution.Meta.Span,
                distribution.Family, missing, factor.Target));

        return parameters.Where(bound.ContainsKey).Select(p => new BoundParameter(p, bound[p])).ToList();
    }

    private static void BindOne(ModelIr model, FactorIr factor, char density, string parameter, ArgumentIr argument, string filePath,
        List<DslDiagnostic> diagnostics, Dictionary<string, ParameterSource> bound, HashSet<string> attempted)
    {
        attempted.Add(parameter);
        var source = Resolve(model, factor, density, parameter, argument.Value, filePath, diagnostics);
        if (source is not null)
            bound[parameter] = source;
    }

    private static ParameterSource? Resolve(ModelIr model, FactorIr factor, char density, string parameter, ExprIr value, string filePath, List<DslDiagnostic> diagnostics)
    {
        var family = factor.Distribution.Family;
        switch (value)
        {
            case NumberExpr number:
                if (family.IsLogitsParameter(parameter))
                {
                    diagnostics.Add(DiagnosticDescriptors.BadConstant.Create(filePath, value.Meta.Span, family, number.Value, parameter,
                        family.IsOverClasses() ? "write 'uniform' or pass logits from a network" : "pass logits from a network"));
                    return null;
                }
                if (family.IsPositiveParameter(parameter) && number.Value <= 0)
                {
                    diagnostics.Add(DiagnosticDescriptors.BadConstant.Create(filePath, value.Meta.Span, family, number.Value, parameter, "it must be positive"));
                    return null;
                }
                return new ConstantSource(number.Value);
            case UniformExpr:
                if (!family.IsOverClasses() || !family.IsLogitsParameter(parameter))
                {
                    diagnostics.Add(DiagnosticDescriptors.BadConstant.Create(filePath, value.Meta.Span, family, "uniform", parameter,
                        "'uniform' applies to the logits of Categorical, OneHotCategorical and RelaxedOneHotCategorical only"));
                    return null;
                }
                return new UniformSource();
            case NetCallExpr call:
                return ResolveNetCall(model, factor, density, parameter, call, filePath, diagnostics);
            default:
                return null;
        }
    }

    private static ParameterSource? ResolveNetCall(ModelIr model, FactorIr factor, char density, string parameter, NetCallExpr call, string filePath, List<DslDiagnostic> diagnostics)
    {
        var net = model.FindNet(call.Net);
        if (net is null)
        {
            diagnostics.Add(DiagnosticDescriptors.UnknownNet.Create(filePath, call.Meta.Span, call.Net, model.Name));
            return null;
        }
        if (!net.Inputs.SequenceEqual(call.Arguments))
        {
            diagnostics.Add(DiagnosticDescriptors.NetCallMismatch.Create(filePath, call.Meta.Span, net.Name,
                string.Join(", ", net.Inputs), string.Join(", ", call.Arguments)));
            return null;
        }
        var notConditioned = net.Inputs.Where(i => !factor.Conditions.Contains(i)).ToList();
        if (notConditioned.Count > 0)
        {
            diagnostics.Add(DiagnosticDescriptors.FactorNotInNetInputs.Create(filePath, call.Meta.Span,
                factor.Signature(density), string.Join(", ", factor.Conditions), string.Join(", ", net.Inputs)));
            return null;
        }
        var head = net.Heads.FirstOrDefault(h => h.Variable == factor.Target && h.Parameter == parameter);
        if (factor.Distribution.Family.IsScalarParameter(parameter))
        {
            // A head for it was reported where the network declares it; otherwise report the call.
            if (head is null)
                diagnostics.Add(DiagnosticDescriptors.ScalarFromNetwork.Create(filePath, call.Meta.Span, factor.Distribution.Family, parameter));
            return null;
        }
        if (head is null)
        {
            diagnostics.Add(DiagnosticDescriptors.HeadMissing.Create(filePath, call.Meta.Span, net.Name, $"{factor.Target}.{parameter}"));
            return null;
        }
        return new NetHeadSource(net, head);
    }
}
