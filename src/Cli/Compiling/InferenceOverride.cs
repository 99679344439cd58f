using System.Linq;
using ProbDsl.Dsl.Parsing;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Cli.Compiling;

/// <summary>
/// <c>--infer y=relax(hard)</c>: train with another estimator for a discrete variable than the file declares, without
/// editing it. The part after <c>=</c> is read by the language's own grammar, as the statement
/// <c>infer y by relax(hard)</c>, so every option the text accepts is accepted here with the same meaning.
/// </summary>
internal static class InferenceOverride
{
    public static InferenceIr Parse(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
            throw new UserError($"--infer {text}: expected NAME=STRATEGY, e.g. --infer y=enumerate, y=relax, y=relax(tau: 1.0 -> 0.5, hard), y=reinforce(baseline: learned).");
        var statement = $"infer {text[..equals].Trim()} by {text[(equals + 1)..].Trim()}";
        var parsed = PdslParser.Parse($"model CommandLine {{ {statement} }}", "--infer");
        var inference = parsed.Value?.Models.SingleOrDefault()?.Inference.SingleOrDefault();
        if (parsed.HasErrors || inference is null)
        {
            var reason = parsed.Diagnostics.FirstOrDefault(d => d.IsError)?.Message ?? "not an inference statement";
            throw new UserError($"--infer {text}: '{statement}' is not a valid statement ({reason}).");
        }
        return inference;
    }

    /// <summary>The model with <paramref name="inference"/> in place of what it declared for that variable.</summary>
    public static ModelIr Apply(ModelIr model, InferenceIr inference)
    {
        if (model.FindVariable(inference.Variable) is not { IsDiscrete: true, IsObservedAlways: false })
            throw new UserError($"--infer {inference.Variable}=…: model {model.Name} has no discrete label or latent named '{inference.Variable}'.");
        var others = model.Inference.Where(i => i.Variable != inference.Variable);
        return model with { Inference = others.Append(inference).ToEquatableArray() };
    }
}
