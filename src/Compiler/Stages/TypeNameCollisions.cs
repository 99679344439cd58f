using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler;

/// <summary>A generated type declared again by a later declaration (<see cref="Type"/>), and its first owner.</summary>
public sealed record TypeNameCollision(string Path, GeneratedType Type, string OwnerPath, GeneratedType Owner)
{
    /// <summary>PDSL0109 at the later declaration, naming the first.</summary>
    public DslDiagnostic ToDiagnostic()
    {
        var where = FormattableString.Invariant($"{OwnerPath}({Owner.Span.StartLine},{Owner.Span.StartColumn})");
        return DiagnosticDescriptors.TypeNameCollision.Create(Path, Type.Span, Capitalised(Type.What), Type.Name, Type.TypeName,
            $"{Owner.What} '{Owner.Name}'", where);
    }

    private static string Capitalised(string text) => char.ToUpper(text[0], CultureInfo.InvariantCulture) + text.Substring(1);
}

/// <summary>
/// Declarations whose generated C# types would have one name: PDSL0109 at the later one, naming the first. Without
/// it a file passes the check and the generated code fails to compile (CS0101, in generated code, with no location in
/// the user's file). Compared ignoring case, as the generated file names are. The check stage looks within a file;
/// the generator, with the same rule, across its files.
/// </summary>
public static class TypeNameCollisions
{
    /// <param name="types">Every generated type with its file, in the order of the files and of the declarations.</param>
    public static IReadOnlyList<TypeNameCollision> Find(IEnumerable<(string Path, GeneratedType Type)> types)
    {
        var first = new Dictionary<string, (string Path, GeneratedType Type)>(StringComparer.OrdinalIgnoreCase);
        var collisions = new List<TypeNameCollision>();
        var pairs = new HashSet<(string, SourceSpan, string, SourceSpan)>();
        foreach (var (path, type) in types)
        {
            if (!first.TryGetValue(type.TypeName, out var owner))
            {
                first.Add(type.TypeName, (path, type));
                continue;
            }
            var sameModel = owner.Path == path && owner.Type.ModelSpan.Equals(type.ModelSpan);
            if (!sameModel && string.Equals(owner.Type.Model, type.Model, StringComparison.OrdinalIgnoreCase))
                continue; // two models with one C# name: PDSL0107 or PDSL0108 says so
            if (sameModel && owner.Type.Name == type.Name)
                continue; // the same name declared twice: PDSL0101 says so
            if (!pairs.Add((path, type.Span, owner.Path, owner.Type.Span)))
                continue; // a guide's class and its trainer meet the same declaration: say it once
            collisions.Add(new TypeNameCollision(path, type, owner.Path, owner.Type));
        }
        return collisions;
    }

    /// <summary>The collisions among the models of one file, as diagnostics (the check stage's part).</summary>
    internal static IReadOnlyList<DslDiagnostic> InFile(IEnumerable<ModelIr> models, string path) =>
        Find(models.SelectMany(GeneratedTypes.Of).Select(type => (path, type))).Select(c => c.ToDiagnostic()).ToList();
}
