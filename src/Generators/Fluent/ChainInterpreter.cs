using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Fluent;

namespace ProbDsl.Generators.Fluent;

/// <summary>
/// Evaluates a fluent chain at build time: every call must be one of the fluent API's, and every argument a
/// compile-time constant (literal, const, enum member, array or collection of those). Each call is run on the
/// loaded API with those constants, and what it returns is stamped with the call's C# span, so validation
/// diagnostics point at the call. Whatever cannot be evaluated is a located diagnostic, never an exception.
/// </summary>
internal sealed class ChainInterpreter
{
    /// <summary>The value of an operation that could not be evaluated; its diagnostic has been reported.</summary>
    private static readonly object Failed = new();

    private readonly SemanticModel _semantics;
    private readonly string _path;
    private readonly CancellationToken _cancellation;

    public ChainInterpreter(SemanticModel semantics, string path, CancellationToken cancellation)
    {
        _semantics = semantics;
        _path = path;
        _cancellation = cancellation;
    }

    public List<DslDiagnostic> Diagnostics { get; } = new();

    /// <summary>The chain's value, or null when a diagnostic says why it has none.</summary>
    public object? Run(IOperation chain)
    {
        var value = Receiver(chain);
        return ReferenceEquals(value, Failed) ? null : value;
    }

    /// <summary>What a call is made on: the chain so far, which must itself be fluent calls.</summary>
    private object? Receiver(IOperation operation)
    {
        if (operation is IInvocationOperation call)
            return Invoke(call);
        return NotAFluentCall(operation.Syntax, "the chain must start with Model.Define(...) and call only the ProbDsl fluent API");
    }

    private object? Invoke(IInvocationOperation call)
    {
        _cancellation.ThrowIfCancellationRequested();
        var symbol = call.TargetMethod;
        var syntax = call.Syntax;
        if (!FluentMethods.IsFluent(symbol))
            return NotAFluentCall(syntax, $"'{symbol.ToDisplayString()}' is not part of the ProbDsl fluent API ({FluentMethods.Namespace})");
        if (!FluentMethods.ReturnsFluentValue(symbol))
            return NotAFluentCall(syntax, $"'{symbol.ToDisplayString()}' ends the chain at run time; a [ProbModel] method returns the builder itself, so leave the call out");
        var method = FluentMethods.Find(symbol);
        if (method is null)
            return NotAFluentCall(syntax, $"'{symbol.ToDisplayString()}' is not known to this ProbDsl generator; use the same ProbDsl version for the generator and the library");

        var instance = call.Instance is null ? null : Receiver(call.Instance);
        var arguments = Arguments(call, method);
        if (ReferenceEquals(instance, Failed) || arguments.Any(a => ReferenceEquals(a, Failed)))
            return Failed;
        return Locate(Run(method, instance, arguments.ToArray(), syntax, symbol), Span(syntax));
    }

    /// <summary>Arguments in parameter order (named arguments may be written in another order).</summary>
    private List<object?> Arguments(IInvocationOperation call, MethodInfo method)
    {
        var parameters = method.GetParameters();
        return call.Arguments.OrderBy(a => a.Parameter!.Ordinal)
            .Select(a => Evaluate(a.Value, parameters[a.Parameter!.Ordinal].ParameterType, $"parameter '{a.Parameter.Name}' of {Describe(call.TargetMethod)}"))
            .ToList();
    }

    private object? Evaluate(IOperation operation, Type expected, string where)
    {
        if (operation.Syntax is CollectionExpressionSyntax collection && expected.IsArray)
            return Elements(collection.Elements.Select(e => e is ExpressionElementSyntax element ? _semantics.GetOperation(element.Expression, _cancellation) : null),
                expected.GetElementType()!, where, operation.Syntax);
        if (operation.ConstantValue.HasValue)
            return Constant(operation, expected, where);
        return operation switch
        {
            // A call of the API (Net.Call, Dist.Normal, Mlp.From) is a value; any other call is not a constant.
            IInvocationOperation call when FluentMethods.IsFluent(call.TargetMethod) => Invoke(call),
            IConversionOperation { OperatorMethod: { } conversion } converted => Convert(converted, conversion, where),
            IConversionOperation converted => Evaluate(converted.Operand, expected, where),
            IArrayCreationOperation array when expected.IsArray =>
                Elements(array.Initializer?.ElementValues ?? Enumerable.Empty<IOperation>(), expected.GetElementType()!, where, operation.Syntax),
            _ => NotConstant(operation.Syntax, where),
        };
    }

    /// <summary>A user-defined conversion of the API (<c>0</c> or a network call to a Value), run and located at its operand.</summary>
    private object? Convert(IConversionOperation conversion, IMethodSymbol symbol, string where)
    {
        var method = FluentMethods.IsFluent(symbol) ? FluentMethods.Find(symbol) : null;
        if (method is null)
            return NotConstant(conversion.Syntax, where);
        var operand = Evaluate(conversion.Operand, method.GetParameters()[0].ParameterType, where);
        if (ReferenceEquals(operand, Failed))
            return Failed;
        return Locate(Run(method, null, new[] { operand }, conversion.Operand.Syntax, symbol), CSharpSpans.Of(conversion.Operand.Syntax));
    }

    private object? Elements(IEnumerable<IOperation?> elements, Type elementType, string where, SyntaxNode syntax)
    {
        var values = elements.Select(e => e is null ? NotConstant(syntax, where) : Evaluate(e, elementType, where)).ToList();
        if (values.Any(v => ReferenceEquals(v, Failed)))
            return Failed;
        var array = Array.CreateInstance(elementType, values.Count);
        for (var i = 0; i < values.Count; i++)
            array.SetValue(values[i], i);
        return array;
    }

    /// <summary>
    /// C# constants arrive as their own type (an int literal for a double, an enum as its number). In code C# rejects
    /// (<c>(Activation)1e308</c>, a double for an int) the constant may not convert at all: PDSL0802 at the argument,
    /// beside C#'s own error, rather than an internal error.
    /// </summary>
    private object? Constant(IOperation operation, Type expected, string where)
    {
        var value = operation.ConstantValue.Value;
        try
        {
            return value is null ? null
                : expected.IsEnum ? Enum.ToObject(expected, value)
                : expected.IsInstanceOfType(value) ? value
                : System.Convert.ChangeType(value, expected, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or OverflowException or FormatException)
        {
            Diagnostics.Add(DiagnosticDescriptors.FluentArgumentInvalid.Create(_path, CSharpSpans.Of(operation.Syntax), where,
                $"the constant {operation.Syntax} cannot be converted to {expected.Name}"));
            return Failed;
        }
    }

    /// <summary>
    /// Runs the API method. Its argument checks (a malformed head, an invalid name) throw ArgumentException at run
    /// time; here they become a diagnostic at the call.
    /// </summary>
    private object? Run(MethodInfo method, object? instance, object?[] arguments, SyntaxNode syntax, IMethodSymbol symbol)
    {
        try
        {
            return method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException invalid)
        {
            Diagnostics.Add(DiagnosticDescriptors.FluentArgumentInvalid.Create(_path, Span(syntax), Describe(symbol), invalid.Message));
            return Failed;
        }
    }

    private static object? Locate(object? value, Dsl.Ir.SourceSpan span) =>
        value is ILocatable locatable ? locatable.Locate(span) : value;

    private object NotConstant(SyntaxNode argument, string where)
    {
        Diagnostics.Add(DiagnosticDescriptors.FluentArgumentNotConstant.Create(_path, CSharpSpans.Of(argument), argument.ToString(), where));
        return Failed;
    }

    private object NotAFluentCall(SyntaxNode syntax, string reason)
    {
        var method = syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.Text ?? "?";
        Diagnostics.Add(DiagnosticDescriptors.NotAFluentModel.Create(_path, Span(syntax), method, reason));
        return Failed;
    }

    private static Dsl.Ir.SourceSpan Span(SyntaxNode syntax) =>
        syntax is InvocationExpressionSyntax call ? CSharpSpans.OfCall(call) : CSharpSpans.Of(syntax);

    private static string Describe(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Conversion ? $"the conversion to {method.ReturnType.Name}" : $"{method.ContainingType.Name}.{method.Name}";
}
