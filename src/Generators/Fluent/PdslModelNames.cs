using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Parsing;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// The models the project's .pdsl files declare, for the [ProbModel] generator: the .pdsl generator emits their
/// classes into the same namespace, so a [ProbModel] model of the same C# name must be an error here (the two
/// generators cannot see each other's output). Parsing alone gives the names; the .pdsl generator reports the rest.
/// </summary>
internal static class PdslModelNames
{
    public static bool IsPdsl(AdditionalText file) => file.Path.EndsWith(".pdsl", StringComparison.OrdinalIgnoreCase);

    public static EquatableArray<DeclaredModel> Of(AdditionalText file, CancellationToken cancellation)
    {
        var text = file.GetText(cancellation)?.ToString() ?? "";
        try
        {
            var parsed = PdslParser.Parse(text, file.Path).Value;
            return parsed is null ? EquatableArray<DeclaredModel>.Empty : parsed.Models.Select(m => DeclaredModel.Of(m, file.Path)).ToEquatableArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The .pdsl generator reports this file's internal error; here it only declares nothing.
            return EquatableArray<DeclaredModel>.Empty;
        }
    }
}
