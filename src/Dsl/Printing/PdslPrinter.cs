using System.Globalization;
using System.Linq;
using System.Text;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Printing;

/// <summary>Writes IR back as .pdsl text. Parsing the output gives back an equal IR (checked by property tests).</summary>
public static class PdslPrinter
{
    public static string Print(ProgramIr program) => string.Join("\n", program.Models.Select(Print));

    public static string Print(ModelIr model)
    {
        var text = new StringBuilder();
        text.Append("model ").Append(model.Name).Append(" {\n");
        foreach (var variable in model.Variables)
            text.Append("  ").Append(Role(variable.Role)).Append(' ').Append(variable.Name).Append(" : ")
                .Append(variable.Family).Append('[').Append(variable.Size.ToString(CultureInfo.InvariantCulture)).Append("]\n");
        foreach (var net in model.Nets)
            text.Append("  ").Append(Print(net)).Append('\n');
        foreach (var factor in model.Factors)
            text.Append("  ").Append(Print(factor, 'p')).Append('\n');
        foreach (var guide in model.Guides)
            text.Append(Print(guide));
        foreach (var inference in model.Inference)
            text.Append("  infer ").Append(inference.Variable).Append(" by ").Append(Print(inference)).Append('\n');
        text.Append("  objective ").Append(model.Objective.Kind == ObjectiveKind.SemiSupervised ? "semisupervised" : "elbo")
            .Append("(alpha: ").Append(Number(model.Objective.Alpha)).Append(")\n");
        text.Append("}\n");
        return text.ToString();
    }

    private static string Print(InferenceIr inference)
    {
        if (inference.Strategy == InferenceStrategy.Enumerate)
            return "enumerate";
        if (inference.Strategy == InferenceStrategy.Reinforce)
        {
            var settings = inference.Reinforce ?? ReinforceIr.Default;
            return $"reinforce(baseline: {settings.Baseline.ToString().ToLowerInvariant()}, decay: {Number(settings.Decay)})";
        }
        var r = inference.Relaxation ?? RelaxationIr.Default;
        return $"relax(tau: {Number(r.Tau0)} -> {Number(r.TauMin)}, rate: {Number(r.Rate)}, every: {r.Every.ToString(CultureInfo.InvariantCulture)}"
            + (r.Hard ? ", hard)" : ")");
    }

    private static string Role(VariableRole role) => role switch
    {
        VariableRole.Data => "data",
        VariableRole.Label => "label",
        _ => "latent",
    };

    private static string Print(NetIr net) =>
        $"net {net.Name} = mlp({string.Join(", ", net.Inputs)}"
        + string.Concat(net.Hidden.Select(h => " -> " + h.ToString(CultureInfo.InvariantCulture)))
        + $" -> {string.Join(", ", net.Heads)}, act: {net.Activation.ToString().ToLowerInvariant()})";

    private static string Print(FactorIr factor, char density) => $"{Signature(factor, density)} = {Print(factor.Distribution)}";

    private static string Signature(FactorIr factor, char density) =>
        factor.Conditions.Count == 0 ? $"{density}({factor.Target})" : $"{density}({factor.Target} | {string.Join(", ", factor.Conditions)})";

    private static string Print(GuideIr guide)
    {
        var text = new StringBuilder();
        text.Append("  guide ").Append(guide.Name).Append(" = ")
            .Append(string.Join(" ", guide.Factors.Select(f => Signature(f, 'q')))).Append(" {\n");
        foreach (var factor in guide.Factors)
            text.Append("    ").Append(Print(factor, 'q')).Append('\n');
        return text.Append("  }\n").ToString();
    }

    private static string Print(DistributionIr distribution) =>
        $"{distribution.Family}({string.Join(", ", distribution.Arguments.Select(Print))})";

    private static string Print(ArgumentIr argument) =>
        (argument.Parameter is null ? "" : argument.Parameter + ": ") + Print(argument.Value);

    private static string Print(ExprIr value) => value switch
    {
        NumberExpr number => Number(number.Value),
        UniformExpr => "uniform",
        NetCallExpr call => $"{call.Net}({string.Join(", ", call.Arguments)})",
        _ => throw new System.ArgumentOutOfRangeException(nameof(value), value, "unknown expression"),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
