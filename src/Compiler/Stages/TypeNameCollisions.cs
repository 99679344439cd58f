using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler;

/// <summary>
/// Declarations of one file whose generated C# types would have one name: PDSL0109 at the later one, naming the
/// first. Without it the file passes the check and the generated code fails to compile (CS0101, in generated code,
/// with no location in the user's file). Compared ignoring case, as the generated file names are.
/// </summary>
internal static class TypeNameCollisions
{
    public static IReadOnlyList<DslDiagnostic> Find(IEnumerable<ModelIr> models, string path)
    {
        var first = new Dictionary<string, GeneratedType>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<DslDiagnostic>();
        var pairs = new HashSet<(SourceSpan, SourceSpan)>();
        foreach (var type in models.SelectMany(GeneratedTypes.Of))
        {
            if (!first.TryGetValue(type.TypeName, out var owner))
            {
                first.Add(type.TypeName, type);
                continue;
            }
            if (!owner.ModelSpan.Equals(type.ModelSpan) && string.Equals(owner.Model, type.Model, StringComparison.OrdinalIgnoreCase))
                continue; // two models with one C# name: PDSL0107 or PDSL0108 says so
            if (owner.Name == type.Name)
                continue; // the same name declared twice: PDSL0101 says so
            if (!pairs.Add((type.Span, owner.Span)))
                continue; // a guide's class and its trainer meet the same declaration: say it once
            var where = FormattableString.Invariant($"{path}({owner.Span.StartLine},{owner.Span.StartColumn})");
            errors.Add(DiagnosticDescriptors.TypeNameCollision.Create(path, type.Span, Capitalised(type.What), type.Name, type.TypeName,
                $"{owner.What} '{owner.Name}'", where));
        }
        return errors;
    }

    private static string Capitalised(string text) => char.ToUpper(text[0], CultureInfo.InvariantCulture) + text.Substring(1);
}
