using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler.Planning;

/// <summary>
/// Which distribution families the code generator compiles in which role, with the place to report the rest
/// (as PDSL0901): data is scored with a log-density, continuous latents need a reparameterised sampler and a KL,
/// discrete latents are enumerated.
/// </summary>
internal static class FamilySupport
{
    /// <summary>Families a latent may have: reparameterised continuous ones and enumerable discrete ones.</summary>
    private static readonly DistributionFamily[] Latents =
    {
        DistributionFamily.Normal, DistributionFamily.LogNormal, DistributionFamily.Categorical, DistributionFamily.OneHotCategorical,
    };

    public static IEnumerable<(SourceSpan Span, string Reason)> Unsupported(ModelIr model)
    {
        foreach (var variable in model.Variables)
        {
            if (variable.Role == VariableRole.Data)
            {
                if (DataFamilyProblem(variable) is { } problem)
                    yield return (variable.Meta.Span, problem);
                else if (model.FindFactor(variable.Name) is { } likelihood && ConstantLikelihoodParameter(likelihood) is { } constant)
                    yield return (likelihood.Distribution.Meta.Span,
                        $"the '{constant}' of p({variable.Name} | ...) must come from a network head (only a Normal or LogNormal 'scale' may be a number)");
            }
            else if (variable.Role == VariableRole.Latent && !Latents.Contains(variable.Family))
            {
                yield return (variable.Meta.Span, LatentFamilyProblem(variable));
            }
        }
    }

    private static string? DataFamilyProblem(VariableIr data) => data.Family switch
    {
        DistributionFamily.Categorical =>
            $"'data {data.Name} : Categorical' (class indices); declare it OneHotCategorical, the same distribution on one-hot rows, which networks can read",
        DistributionFamily.RelaxedOneHotCategorical =>
            $"'data {data.Name} : RelaxedOneHotCategorical'; observed data may be Bernoulli, Normal, LogNormal, Beta or OneHotCategorical",
        _ => null,
    };

    /// <summary>
    /// A parameter of a data likelihood given as a number: the runtime's log-densities take network outputs, and a
    /// number only for a scale (a fixed observation noise, the common case).
    /// </summary>
    private static string? ConstantLikelihoodParameter(FactorIr likelihood)
    {
        var family = likelihood.Distribution.Family;
        return likelihood.Distribution.Arguments
            .Select((argument, i) => (Name: argument.Parameter ?? ParameterAt(family, i), argument.Value))
            .Where(a => a.Value is NumberExpr or UniformExpr)
            .Select(a => a.Name)
            .FirstOrDefault(name => !(name == "scale" && family is DistributionFamily.Normal or DistributionFamily.LogNormal));
    }

    private static string ParameterAt(DistributionFamily family, int position)
    {
        var parameters = family.Parameters();
        return position < parameters.Count ? parameters[position] : "#" + (position + 1);
    }

    private static string LatentFamilyProblem(VariableIr latent) => latent.Family == DistributionFamily.RelaxedOneHotCategorical
        ? $"a RelaxedOneHotCategorical latent '{latent.Name}'; declare it Categorical and relax it where the generator supports that ('infer ... by relax(...)' on the label)"
        : $"a {latent.Family} latent '{latent.Name}' (no reparameterised sampler yet); latents may be Normal, LogNormal, Categorical or OneHotCategorical";
}
