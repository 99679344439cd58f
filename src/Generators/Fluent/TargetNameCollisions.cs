using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// [ProbModel] models whose C# names collide with a .pdsl file's model or an earlier target's (the same name, equal
/// after renaming, or up to case, as for .pdsl files: <see cref="ModelNameCollisions"/>): PDSL0108 at the later
/// declaration naming the first, and its generated file is left out. Without this, two such models generated two
/// classes of one name (CS0101 inside generated code) or two files of one hint name (CS8785, a generator crash).
/// </summary>
internal static class TargetNameCollisions
{
    /// <returns>The errors, and for each target (by index) the C# model names whose generated file to leave out.</returns>
    public static (IReadOnlyList<DslDiagnostic> Errors, ILookup<int, string> LeftOut) Find(
        IEnumerable<DeclaredModel> pdslModels, ImmutableArray<AttributedModel> targets)
    {
        // .pdsl models come first: they own their names (collisions among them are the .pdsl generator's to report).
        var owners = new Dictionary<string, (DeclaredModel Model, int Target)>(ModelNameCollisions.HintComparer);
        foreach (var model in pdslModels)
            owners[model.HintName] = owners.TryGetValue(model.HintName, out var first) ? first : (model, -1);

        var errors = new List<DslDiagnostic>();
        var leftOut = new List<(int Target, string CSharpName)>();
        for (var target = 0; target < targets.Length; target++)
        {
            foreach (var name in targets[target].Declared)
            {
                var model = new DeclaredModel(name.Name, Names.Pascal(name.Name), targets[target].Path, name.Span, EquatableArray<GeneratedType>.Empty);
                if (!owners.TryGetValue(model.HintName, out var owner))
                {
                    owners.Add(model.HintName, (model, target));
                    continue;
                }
                // The same name twice in one text is PDSL0107 already (from the validator), and generates nothing.
                if (owner.Target == target && owner.Model.Name == model.Name)
                    continue;
                errors.Add(DiagnosticDescriptors.ModelNameCollision.Create(model.Path, model.Span, model.Name, model.CSharpName, owner.Model.Name, owner.Model.Where));
                leftOut.Add((target, model.CSharpName));
            }
        }
        return (errors, leftOut.ToLookup(l => l.Target, l => l.CSharpName));
    }
}
