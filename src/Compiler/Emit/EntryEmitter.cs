using System.Collections.Generic;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Compiler.Planning;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler.Emit;

/// <summary>
/// Writes a model's entry point: a class named after the model (<c>M2</c>) with an enum of its guides and
/// <c>Create(guide, options)</c> / <c>Open(guide, path)</c>; everything else is the runtime's
/// <c>SemiSupervisedSession</c> or <c>UnsupervisedSession</c>, so the generated part stays a few typed lines.
/// </summary>
internal static class EntryEmitter
{
    private const string Training = "global::ProbDsl.Inference.Training";

    /// <summary>
    /// The model's name (<c>M2</c>), or <c>NameModel</c> when the name is one the generated file uses unqualified
    /// (a class <c>Tensor</c> or <c>Noise</c> in the models' namespace would hide TorchSharp's type or a runtime
    /// alias) or the name of the guides' enum.
    /// </summary>
    public static string ClassName(ModelIr model)
    {
        var name = Names.Pascal(model.Name);
        var members = EncodeMethodNames(ContinuousLatents(model));
        return Reserved.Contains(name) || members.Contains(name) ? name + "Model" : name;
    }

    /// <summary>Names used unqualified in the file, and the entry class's own members (C# forbids a member named as its class).</summary>
    private static readonly HashSet<string> Reserved = new(System.StringComparer.Ordinal)
    {
        "Tensor", "F", "Linear", "Densities", "Enumeration", "Noise", "Relaxation", "ScoreFunction", "Guide",
        "Create", "Open", "SelectedGuide",
    };

    private static List<VariableIr> ContinuousLatents(ModelIr model) =>
        model.Variables.Where(v => v.Role == VariableRole.Latent && !v.IsDiscrete).ToList();

    public static void Emit(SourceWriter w, ModelPlan modelPlan)
    {
        var (model, plans) = (modelPlan.Model, modelPlan.Guides);
        var name = ClassName(model);
        var semiSupervised = plans[0].Label is not null;
        var latents = ContinuousLatents(model);
        var first = Names.Identifier(plans[0].Guide.Name);
        var kind = semiSupervised ? "SemiSupervisedSession" : "UnsupervisedSession";
        w.Lines($$"""
            /// <summary>
            /// The entry point of model <c>{{model.Name}}</c>: <c>{{name}}.Create({{name}}.Guide.{{first}}, options)</c> gives the chosen
            /// guide's model ready to train, evaluate, encode{{(semiSupervised ? ", sample" : "")}} and save (<see cref="{{Training}}.{{kind}}"/>);
            /// <c>{{name}}.Open({{name}}.Guide.{{first}}, path)</c> loads a checkpoint of that model and guide.
            /// </summary>
            """);
        using (w.Block($"public sealed class {name} : {Training}.{kind}"))
        {
            w.Line($"/// <summary>The guides model <c>{model.Name}</c> declares.</summary>");
            using (w.Block("public enum Guide"))
            {
                foreach (var plan in plans)
                {
                    w.Line($"/// <summary>{plan.Guide.Factorisation}: trains <see cref=\"{plan.ClassName}\"/>.</summary>");
                    w.Line($"{Names.Identifier(plan.Guide.Name)},");
                }
            }
            w.Line();
            var sizes = semiSupervised ? ", " + string.Join(", ", latents.Select(v => $"({Names.StringLiteral(v.Name)}, {v.Size})")) : "";
            if (latents.Count == 0)
                sizes = "";
            w.Lines($$"""
                private {{name}}(Guide guide, {{Training}}.SessionTrainer trainer)
                    : base(trainer{{sizes}}) => SelectedGuide = guide;
                """);
            w.Line();
            w.Lines($$"""
                /// <summary>The guide this model was created with.</summary>
                public Guide SelectedGuide { get; }

                /// <summary>A new model of <paramref name="guide"/>, its weights drawn from the global generator (seed it first for repeatable runs).</summary>
                /// <exception cref="global::System.ArgumentException">An option is out of range.</exception>
                public static {{name}} Create(Guide guide, {{Training}}.TrainingOptions options)
                {
                    global::System.ArgumentNullException.ThrowIfNull(options);
                    return guide switch
                    {
                """);
            foreach (var plan in plans)
                w.Line($"        Guide.{Names.Identifier(plan.Guide.Name)} => new {name}(guide, {Training}.SessionTrainer.Of(new {plan.ClassName}Trainer(options), options)),");
            w.Lines($$"""
                        _ => throw UnknownGuide(guide, {{Names.StringLiteral(model.Name)}}),
                    };
                }

                /// <summary>
                /// A model of <paramref name="guide"/> with the weights of the checkpoint at <paramref name="path"/> (written by Save,
                /// probdsl train or a trainer); a checkpoint of another model or guide is refused, both named.
                /// </summary>
                /// <exception cref="{{Training}}.CheckpointException">Missing, damaged, or of another model or guide.</exception>
                public static {{name}} Open(Guide guide, string path, {{Training}}.TrainingOptions? options = null) =>
                    Opened(Create(guide, options ?? new {{Training}}.TrainingOptions()), path);
                """);
            var methods = EncodeMethodNames(latents);
            for (var i = 0; i < latents.Count; i++)
            {
                w.Line();
                w.Line($"/// <summary>E_q[{latents[i].Name} | {plans[0].Data.Name}] under the selected guide, [B, {latents[i].Size}] (see <see cref=\"{Training}.{kind}.Encode\"/>).</summary>");
                w.Line($"public Tensor {methods[i]}(Tensor {Names.Identifier(plans[0].Data.Name)}) => EncodeLatent({Names.StringLiteral(latents[i].Name)}, {Names.Identifier(plans[0].Data.Name)});");
            }
        }
    }

    /// <summary>EncodeZ, ...; by position when two latents' names would give the same C# name.</summary>
    private static IReadOnlyList<string> EncodeMethodNames(IReadOnlyList<VariableIr> latents)
    {
        var names = latents.Select(v => "Encode" + Names.Pascal(v.Name)).ToList();
        return names.Distinct().Count() == names.Count ? names : latents.Select((_, i) => $"EncodeLatent{i}").ToList();
    }
}
