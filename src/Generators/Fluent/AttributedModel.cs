using ProbDsl.Compiler;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// What one <c>[ProbModel]</c> target compiles to, as equatable data. <see cref="Program"/> is the IR the fluent chain
/// built (null for inline text, and when the chain could not be read); its equality ignores positions, while the
/// diagnostics' includes them, so a chain moved in its file re-reports its diagnostics at the new place.
/// </summary>
public sealed record AttributedModel(
    string Path, ProgramIr? Program, EquatableArray<GeneratedSource> Sources, EquatableArray<DslDiagnostic> Diagnostics)
{
    /// <summary>
    /// The models the target declares, located in the C# file: generated classes are named after them, so the
    /// generator checks them against every other target's and every .pdsl file's (<see cref="TargetNameCollisions"/>).
    /// </summary>
    public EquatableArray<ModelName> Declared { get; init; } = EquatableArray<ModelName>.Empty;
}

/// <summary>A model's name where a target declares it (the <c>Model.Define</c> call, or the name in inline text).</summary>
public sealed record ModelName(string Name, SourceSpan Span);
