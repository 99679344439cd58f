using System;

namespace ProbDsl.Dsl.Ir;

/// <summary>
/// Where an IR node came from. Excluded from IR equality on purpose (stanc3's [@compare.ignore]):
/// the same model written in text or with the fluent API, or moved down a line, is the same IR,
/// so generated code is not re-emitted when only positions change.
/// </summary>
public sealed class NodeMeta : IEquatable<NodeMeta>
{
    public NodeMeta(SourceSpan span) => Span = span;

    public static NodeMeta None { get; } = new(SourceSpan.None);

    public SourceSpan Span { get; }

    public bool Equals(NodeMeta? other) => other is not null;

    public override bool Equals(object? obj) => obj is NodeMeta;

    public override int GetHashCode() => 0;

    public override string ToString() => Span.ToString();
}
