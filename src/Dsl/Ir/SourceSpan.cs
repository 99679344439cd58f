using System;

namespace ProbDsl.Dsl.Ir;

/// <summary>A range of source text. Lines and columns are 1-based, as editors show them; Offset is 0-based.</summary>
public readonly record struct SourceSpan(int Offset, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan None => default;

    public bool IsNone => StartLine == 0;

    public static SourceSpan Merge(SourceSpan first, SourceSpan last) =>
        first.IsNone ? last : last.IsNone ? first
        : new SourceSpan(first.Offset, Math.Max(0, last.Offset + last.Length - first.Offset),
            first.StartLine, first.StartColumn, last.EndLine, last.EndColumn);

    public override string ToString() => $"({StartLine},{StartColumn})-({EndLine},{EndColumn})";
}
