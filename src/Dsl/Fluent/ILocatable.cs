using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Fluent;

/// <summary>
/// A fluent value whose IR nodes can be given a source position. At run time nothing calls this (the IR has no
/// positions, like any IR built in code); the source generator, which runs the same builder calls on the literals
/// it reads from C#, calls it after each call so that validation diagnostics point at the call that made the node.
/// Only nodes that have no position yet are stamped: a node gets the span of the call that created it.
/// </summary>
internal interface ILocatable
{
    object Locate(SourceSpan span);
}

internal static class Located
{
    public static NodeMeta Stamp(NodeMeta meta, SourceSpan span) => meta.Span.IsNone ? new NodeMeta(span) : meta;
}
