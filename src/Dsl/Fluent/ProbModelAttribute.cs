using System;

namespace ProbDsl.Dsl.Fluent;

/// <summary>
/// Asks the ProbDsl source generator to compile a model at build time, exactly as it compiles a <c>.pdsl</c> file.
/// On a method, <c>[ProbModel]</c> marks a fluent chain (<c>=> Model.Define("M2")...</c>) whose arguments are all
/// literals or constants. With text, <c>[ProbModel("""model M2 { ... }""")]</c> compiles the inline <c>.pdsl</c>
/// text, and its diagnostics point inside the string literal.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class ProbModelAttribute : Attribute
{
    /// <summary>The method it marks returns the model as a fluent chain.</summary>
    public ProbModelAttribute()
    {
    }

    /// <summary>The model is this <c>.pdsl</c> text (one or more models).</summary>
    public ProbModelAttribute(string pdsl) => Pdsl = pdsl;

    /// <summary>The inline <c>.pdsl</c> text, or null for a fluent chain.</summary>
    public string? Pdsl { get; }
}
