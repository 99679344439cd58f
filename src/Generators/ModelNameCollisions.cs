using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Compiler;
using ProbDsl.Compiler.Naming;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators;

/// <summary>A model a .pdsl file declares: its name, the C# name its generated file and classes take, and where.</summary>
internal sealed record DeclaredModel(string Name, string CSharpName, string Path, SourceSpan Span, EquatableArray<GeneratedType> Types)
{
    public static DeclaredModel Of(ModelIr model, string path) =>
        new(model.Name, Names.Pascal(model.Name), path, model.Meta.Span, GeneratedTypes.Of(model).ToEquatableArray());

    /// <summary>The hint name of the model's generated file (see ProbDslCodeGenerator).</summary>
    public string HintName => CSharpName + ".g.cs";

    public string Where => $"{Path}({Span.StartLine.ToString(CultureInfo.InvariantCulture)},{Span.StartColumn.ToString(CultureInfo.InvariantCulture)})";
}

/// <summary>
/// Models of a compilation whose C# names collide: the same name in two files, or names that become one after
/// renaming (<c>Foo_bar</c> and <c>FooBar</c> both give <c>FooBar</c>). Each is an error at the later
/// declaration naming the first. (The generator then leaves the later source out: a second file with the same
/// hint name would crash it, CS8785, and two classes with one name would not compile anyway.)
/// </summary>
internal static class ModelNameCollisions
{
    /// <summary>
    /// Roslyn compares hint names ignoring case (they become file names), so <c>FOO</c> and <c>Foo</c> collide too.
    /// </summary>
    public static readonly StringComparer HintComparer = StringComparer.OrdinalIgnoreCase;

    /// <param name="models">Every declared model, in the order of the files and of the declarations in each.</param>
    /// <param name="omitted">Gets the hint names of later models whose types collide: their sources must be left out.</param>
    public static IReadOnlyList<DslDiagnostic> Find(IEnumerable<DeclaredModel> models, ISet<string>? omitted = null)
    {
        var all = models.ToList();
        var first = new Dictionary<string, DeclaredModel>(HintComparer);
        var errors = new List<DslDiagnostic>();
        foreach (var model in all)
        {
            if (!first.TryGetValue(model.HintName, out var owner))
            {
                first.Add(model.HintName, model);
                continue;
            }
            // The same name twice in one file is PDSL0107 already (from the validator); say it once.
            if (owner.Path == model.Path && owner.Name == model.Name)
                continue;
            errors.Add(DiagnosticDescriptors.ModelNameCollision.Create(model.Path, model.Span, model.Name, model.CSharpName, owner.Name, owner.Where));
        }
        errors.AddRange(TypeCollisionsAcrossFiles(all.Where(m => ReferenceEquals(first[m.HintName], m)).ToList(), omitted ?? new HashSet<string>()));
        return errors;
    }

    /// <summary>
    /// Models of other files (their own names distinct) whose generated types meet, e.g. model <c>A</c> with guide
    /// <c>BC</c> and model <c>AB</c> with guide <c>C</c>: PDSL0109 at the later model, whose source is then left out.
    /// The rule is the check stage's (<see cref="TypeNameCollisions"/>); within one file that stage reports them already.
    /// </summary>
    private static IEnumerable<DslDiagnostic> TypeCollisionsAcrossFiles(IReadOnlyList<DeclaredModel> models, ISet<string> omitted)
    {
        var types = models.SelectMany(model => model.Types.Select(type => (model.Path, type)));
        foreach (var collision in TypeNameCollisions.Find(types).Where(c => c.Path != c.OwnerPath))
        {
            omitted.Add(models.First(m => m.Path == collision.Path && m.Span.Equals(collision.Type.ModelSpan)).HintName);
            yield return collision.ToDiagnostic();
        }
    }
}
