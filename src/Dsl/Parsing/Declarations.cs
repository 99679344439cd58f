using System.Collections.Generic;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Parsing;

/// <summary>What the grammar reads inside a model body, before the model is assembled into IR.</summary>
internal abstract record Declaration(SourceSpan Span);

internal sealed record VariableDeclaration(VariableIr Variable, SourceSpan Span) : Declaration(Span);

internal sealed record NetDeclaration(NetIr Net, SourceSpan Span) : Declaration(Span);

internal sealed record FactorDeclaration(FactorIr Factor, SourceSpan Span) : Declaration(Span);

/// <summary>A factor signature <c>q(z | x, y)</c> as written in a guide's factorisation.</summary>
internal sealed record FactorSignature(string Target, IReadOnlyList<string> Conditions, SourceSpan Span);

internal sealed record GuideDeclaration(
    string Name, SourceSpan NameSpan, IReadOnlyList<FactorSignature> Factorisation, IReadOnlyList<FactorIr> Bodies, SourceSpan Span)
    : Declaration(Span);

internal sealed record InferDeclaration(InferenceIr Inference, SourceSpan Span) : Declaration(Span);

internal sealed record ObjectiveOption(string Name, double Value, SourceSpan Span);

internal sealed record ObjectiveDeclaration(ObjectiveKind Kind, IReadOnlyList<ObjectiveOption> Options, SourceSpan Span)
    : Declaration(Span);

/// <summary>A model as read: its name and declarations in source order.</summary>
internal sealed record ModelDeclaration(string Name, SourceSpan NameSpan, IReadOnlyList<Declaration> Declarations, SourceSpan Span);
