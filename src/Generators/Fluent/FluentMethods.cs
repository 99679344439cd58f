using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ProbDsl.Dsl.Fluent;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// Finds, for a method the C# code calls, the same method of the fluent API loaded in the generator, so the
/// generator runs the very builder code a program runs: both build the IR the same way by construction.
/// </summary>
internal static class FluentMethods
{
    public const string Namespace = "ProbDsl.Dsl.Fluent";

    private static readonly Assembly Api = typeof(ModelBuilder).Assembly;

    public static bool IsFluent(IMethodSymbol method) =>
        method.ContainingType?.ContainingNamespace?.ToDisplayString() == Namespace;

    /// <summary>
    /// Whether the call makes a fluent value (a builder, a distribution, a network call...). <c>Build()</c> and
    /// <c>Compile()</c> do not: they end a chain at run time (returning IR or diagnostics, and Build throws on an
    /// invalid model), so the generator must not run them.
    /// </summary>
    public static bool ReturnsFluentValue(IMethodSymbol method) =>
        method.ReturnType.ContainingNamespace?.ToDisplayString() == Namespace;

    /// <summary>The runtime method with the same declaring type, name and parameter types; null if this build lacks it.</summary>
    public static MethodInfo? Find(IMethodSymbol method)
    {
        var type = Api.GetType(ClrName(method.ContainingType));
        if (type is null)
            return null;
        var parameters = method.Parameters.Select(p => ClrName(p.Type)).ToList();
        return type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .FirstOrDefault(m => m.Name == method.Name && m.GetParameters().Select(p => p.ParameterType.FullName).SequenceEqual(parameters));
    }

    /// <summary>The name reflection uses: <c>System.String[]</c>, <c>ProbDsl.Dsl.Ir.HeadTransform</c>.</summary>
    private static string ClrName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => ClrName(array.ElementType) + "[]",
        { ContainingType: { } outer } => ClrName(outer) + "+" + type.MetadataName,
        { ContainingNamespace: { IsGlobalNamespace: false } ns } => ns.ToDisplayString() + "." + type.MetadataName,
        _ => type.MetadataName,
    };
}
