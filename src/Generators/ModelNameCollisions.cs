using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators;

/// <summary>A model a .pdsl file declares: its name, the C# name its generated file and classes take, and where.</summary>
internal sealed record DeclaredModel(string Name, string CSharpName, string Path, SourceSpan Span)
{
    public static DeclaredModel Of(ModelIr model, string path) => new(model.Name, Names.Pascal(model.Name), path, model.Meta.Span);

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
    public static IReadOnlyList<DslDiagnostic> Find(IEnumerable<DeclaredModel> models)
    {
        var first = new Dictionary<string, DeclaredModel>(HintComparer);
        var errors = new List<DslDiagnostic>();
        foreach (var model in models)
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
        return errors;
    }
}
