using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Differential.Tests.RandomModels;

/// <summary>Writes a <see cref="ModelSpec"/> as .pdsl text: every network a factor calls is declared next to the others.</summary>
public static class PdslWriter
{
    public static string Write(ModelSpec model)
    {
        var text = new StringBuilder();
        text.Append("model ").Append(model.Name).AppendLine(" {");
        foreach (var v in model.Variables)
            text.AppendLine($"  {Role(v.Role)} {v.Name} : {v.Family}[{v.Size}]");
        foreach (var (factor, net) in model.ModelFactors.Select(f => (f, NetName('p', "", f))))
            WriteNet(text, model, factor, net);
        foreach (var guide in model.Guides)
            foreach (var factor in guide.Factors)
                WriteNet(text, model, factor, NetName('q', guide.Name, factor));
        foreach (var factor in model.ModelFactors)
            text.AppendLine($"  {Signature('p', factor)} = {Distribution(model, factor, NetName('p', "", factor))}");
        foreach (var guide in model.Guides)
        {
            text.AppendLine($"  guide {guide.Name} = {string.Join(" ", guide.Factors.Select(f => Signature('q', f)))} {{");
            foreach (var factor in guide.Factors)
                text.AppendLine($"    {Signature('q', factor)} = {Distribution(model, factor, NetName('q', guide.Name, factor))}");
            text.AppendLine("  }");
        }
        if (model.LabelInference is not null)
            text.AppendLine($"  infer {model.Label!.Name} by {model.LabelInference}");
        text.AppendLine(model.Label is null ? "  objective elbo" : "  objective semisupervised(alpha: 0.1)");
        text.AppendLine("}");
        return text.ToString();
    }

    private static string Role(VariableRole role) => role switch
    {
        VariableRole.Data => "data",
        VariableRole.Label => "label",
        _ => "latent",
    };

    /// <summary>One network per factor, named after the density, the guide and the target: pz1, qG2z1.</summary>
    private static string NetName(char density, string guide, FactorSpec factor) => $"{density}{guide}{factor.Target}";

    private static string Signature(char density, FactorSpec factor) => factor.Conditions.Length == 0
        ? $"{density}({factor.Target})"
        : $"{density}({factor.Target} | {string.Join(", ", factor.Conditions)})";

    private static void WriteNet(StringBuilder text, ModelSpec model, FactorSpec factor, string name)
    {
        if (factor.Net is not { } shape)
            return;
        var family = model.Variable(factor.Target).Family;
        var heads = family.Parameters()
            .Where(p => !(p == "scale" && factor.FixedScale is not null))
            .Select(p => family.IsPositiveParameter(p) ? $"{Transform(shape.PositiveTransform)}({factor.Target}.{p})" : $"{factor.Target}.{p}");
        text.AppendLine($"  net {name} = mlp({string.Join(", ", factor.Conditions)} -> {string.Join(" -> ", shape.Hidden)} -> " +
            $"{string.Join(", ", heads)}, act: {shape.Activation.ToString().ToLowerInvariant()})");
    }

    private static string Transform(HeadTransform transform) => transform == HeadTransform.Exp ? "exp" : "softplus";

    private static string Distribution(ModelSpec model, FactorSpec factor, string net)
    {
        var family = model.Variable(factor.Target).Family;
        var call = $"{net}({string.Join(", ", factor.Conditions)})";
        if (factor.Net is null)
            return factor.Constants is { } c ? $"{family}({Number(c[0])}, {Number(c[1])})" : $"{family}(uniform)";
        return factor.FixedScale is { } scale ? $"{family}(loc: {call}, scale: {Number(scale)})" : $"{family}({call})";
    }

    private static string Number(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);
}
