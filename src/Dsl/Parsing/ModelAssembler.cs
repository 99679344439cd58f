using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Parsing;

/// <summary>
/// Turns a model's declarations, in source order, into a ModelIr. Checks that are about how the text is
/// written (a guide body matching its factorisation, a single objective, known options) live here;
/// checks about what the model means live in the validator.
/// </summary>
internal static class ModelAssembler
{
    public static ModelIr Assemble(ModelDeclaration model, string filePath, ImmutableArray<DslDiagnostic>.Builder diagnostics)
    {
        var declarations = model.Declarations;
        var guides = declarations.OfType<GuideDeclaration>()
            .Select(g => AssembleGuide(g, filePath, diagnostics)).ToEquatableArray();
        var objective = AssembleObjective(model, filePath, diagnostics);

        return new ModelIr(
            model.Name,
            declarations.OfType<VariableDeclaration>().Select(d => d.Variable).ToEquatableArray(),
            declarations.OfType<NetDeclaration>().Select(d => d.Net).ToEquatableArray(),
            declarations.OfType<FactorDeclaration>().Select(d => d.Factor).ToEquatableArray(),
            guides,
            declarations.OfType<InferDeclaration>().Select(d => d.Inference).ToEquatableArray(),
            objective)
        { Meta = new NodeMeta(model.NameSpan) };
    }

    /// <summary>The factorisation says which factors exist and in which order; each needs exactly one body.</summary>
    private static GuideIr AssembleGuide(GuideDeclaration guide, string filePath, ImmutableArray<DslDiagnostic>.Builder diagnostics)
    {
        var factors = ImmutableArray.CreateBuilder<FactorIr>();
        foreach (var signature in guide.Factorisation)
        {
            var bodies = guide.Bodies.Where(b => b.Target == signature.Target).ToList();
            var body = bodies.FirstOrDefault(b => b.Conditions.SequenceEqual(signature.Conditions));
            if (body is null)
            {
                var written = bodies.Count == 0 ? "none" : bodies[0].Signature('q');
                diagnostics.Add(DiagnosticDescriptors.GuideBodyMismatch.Create(filePath, signature.Span, guide.Name,
                    $"the factor {Signature(signature)} has no body (found: {written}); add '{Signature(signature)} = ...' inside the braces"));
                continue;
            }
            factors.Add(body with { Meta = new NodeMeta(signature.Span) });
        }

        foreach (var body in guide.Bodies.Where(b => !guide.Factorisation.Any(s => s.Target == b.Target && s.Conditions.SequenceEqual(b.Conditions))))
        {
            diagnostics.Add(DiagnosticDescriptors.GuideBodyMismatch.Create(filePath, body.Meta.Span, guide.Name,
                $"the body {body.Signature('q')} is not in the factorisation '{string.Join(" ", guide.Factorisation.Select(Signature))}'; add it there or remove the body"));
        }

        return new GuideIr(guide.Name, factors.ToImmutable().ToEquatableArray()) { Meta = new NodeMeta(guide.NameSpan) };
    }

    private static string Signature(FactorSignature s) =>
        s.Conditions.Count == 0 ? $"q({s.Target})" : $"q({s.Target}|{string.Join(",", s.Conditions)})";

    private static ObjectiveIr AssembleObjective(ModelDeclaration model, string filePath, ImmutableArray<DslDiagnostic>.Builder diagnostics)
    {
        var declared = model.Declarations.OfType<ObjectiveDeclaration>().ToList();
        foreach (var extra in declared.Skip(1))
            diagnostics.Add(DiagnosticDescriptors.DuplicateName.Create(filePath, extra.Span, "objective", model.Name));
        if (declared.Count == 0)
            return ObjectiveIr.Default;

        var objective = declared[0];
        var alpha = ObjectiveIr.PaperAlpha;
        foreach (var option in objective.Options)
        {
            if (option.Name != "alpha")
                diagnostics.Add(DiagnosticDescriptors.InvalidObjectiveOption.Create(filePath, option.Span, option.Name,
                    "is unknown; the only option is 'alpha' (weight of the classification term, 0.1 in Kingma et al. 2014)"));
            else if (option.Value < 0)
                diagnostics.Add(DiagnosticDescriptors.InvalidObjectiveOption.Create(filePath, option.Span, option.Name,
                    "must be zero or positive"));
            else
                alpha = option.Value;
        }
        return new ObjectiveIr(objective.Kind, alpha) { Meta = new NodeMeta(objective.Span) };
    }
}
