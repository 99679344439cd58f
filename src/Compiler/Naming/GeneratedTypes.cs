using System.Collections.Generic;
using ProbDsl.Compiler.Emit;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler.Naming;

/// <summary>A top-level C# type the emitter writes for a declaration, and the declaration it comes from.</summary>
/// <param name="Model">The C# name of the model it belongs to (models whose C# names collide are PDSL0107/0108's).</param>
public sealed record GeneratedType(string TypeName, string What, string Name, SourceSpan Span, string Model, SourceSpan ModelSpan);

/// <summary>
/// Every top-level type the emitter writes for a model: its entry point (<c>M2</c>), a class per network
/// (<c>M2EncoderNet</c>), and per guide the model class (<c>M2Structured</c>) and its trainer (<c>M2StructuredTrainer</c>). Names are concatenated
/// after renaming, so different declarations can meet (guides <c>g_a</c> and <c>gA</c>; model <c>A</c> with guide
/// <c>BC</c> and model <c>AB</c> with guide <c>C</c>; a guide <c>ATrainer</c> beside a guide <c>A</c>; a model
/// <c>M2Structured</c> beside model <c>M2</c> with guide <c>Structured</c>).
/// </summary>
public static class GeneratedTypes
{
    public static IEnumerable<GeneratedType> Of(ModelIr model)
    {
        yield return new GeneratedType(EntryEmitter.ClassName(model), "the entry point of model", model.Name, model.Meta.Span, Names.Pascal(model.Name), model.Meta.Span);
        foreach (var net in model.Nets)
            yield return new GeneratedType(NetEmitter.ClassName(model, net), "network", $"{model.Name}.{net.Name}", net.Meta.Span, Names.Pascal(model.Name), model.Meta.Span);
        foreach (var guide in model.Guides)
        {
            var className = GuideClassName(model, guide);
            yield return new GeneratedType(className, "guide", $"{model.Name}.{guide.Name}", guide.Meta.Span, Names.Pascal(model.Name), model.Meta.Span);
            yield return new GeneratedType(className + "Trainer", "the trainer of guide", $"{model.Name}.{guide.Name}", guide.Meta.Span, Names.Pascal(model.Name), model.Meta.Span);
        }
    }

    /// <summary>The class of a model with one of its guides (the planner's <c>GuidePlan.ClassName</c>).</summary>
    public static string GuideClassName(ModelIr model, GuideIr guide) => Names.Pascal(model.Name) + Names.Pascal(guide.Name);
}
