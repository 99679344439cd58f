using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// What one <c>[ProbModel]</c> target compiles to, as equatable data. <see cref="Program"/> is the IR the fluent chain
/// built (null for inline text, and when the chain could not be read); its equality ignores positions, while the
/// diagnostics' includes them, so a chain moved in its file re-reports its diagnostics at the new place.
/// </summary>
public sealed record AttributedModel(
    string Path, ProgramIr? Program, EquatableArray<GeneratedSource> Sources, EquatableArray<DslDiagnostic> Diagnostics);
