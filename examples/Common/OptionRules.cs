using System;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace ProbDsl.Examples.Common;

/// <summary>Validation rules shared by the examples' options; every message names the option.</summary>
public static class OptionRules
{
    /// <summary>
    /// Adds a rule that sees the option's value. A value that does not even parse (<c>--epochs abc</c>) is left to
    /// the parser's own error, which names the option: asking for it inside a validator throws instead, and the
    /// user would see a stack trace.
    /// </summary>
    /// <param name="problem">The error message for a bad value, or null when it is fine.</param>
    public static void Check<T>(Option<T> option, Func<T, string?> problem) =>
        option.Validators.Add(r =>
        {
            if (TryValue(r, out T value) && problem(value) is { } message)
                r.AddError(message);
        });

    private static bool TryValue<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    public static void Positive(params Option<int>[] options)
    {
        foreach (var option in options)
            Check(option, value => value <= 0 ? $"{option.Name} must be positive; got {value}." : null);
    }

    /// <summary>NaN and infinities are refused too: a NaN learning rate trains NaN weights without a word.</summary>
    public static void PositiveFinite(Option<double> option) =>
        Check(option, value => !double.IsFinite(value) || value <= 0
            ? $"{option.Name} must be a positive finite number; got {InvariantText.Of($"{value}")}." : null);

    public static void NonNegativeFinite(Option<double?> option) =>
        Check(option, value => value is double v && (!double.IsFinite(v) || v < 0)
            ? $"{option.Name} must be zero or a positive finite number; got {InvariantText.Of($"{v}")}." : null);
}
