using System;
using System.Linq;

namespace ProbDsl.Dsl.Fluent;

/// <summary>
/// Enum arguments of the fluent API must be named members: C# lets <c>(DistributionFamily)99</c> through, and the
/// compiler behind the API knows only the members (an unknown family was an internal error, PDSL0999, in the
/// generator). An undefined value throws <see cref="ArgumentOutOfRangeException"/> at the call, which the
/// generator reports as PDSL0802 there.
/// </summary>
internal static class FluentEnums
{
    public static T Check<T>(T value, string parameter) where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value)
            ? value
            : throw new ArgumentOutOfRangeException(parameter,
                $"{Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)} is not a {typeof(T).Name}; use one of {string.Join(", ", Enum.GetNames(typeof(T)).Select(n => typeof(T).Name + "." + n))}");
}
