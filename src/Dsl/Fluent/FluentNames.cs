using System;
using System.Linq;

namespace ProbDsl.Dsl.Fluent;

/// <summary>
/// Names in the fluent API obey the text language's identifier rule, so both forms can only build IR the
/// printer can write back and the emitter can turn into C# identifiers.
/// </summary>
internal static class FluentNames
{
    public static string Check(string? name, string parameter)
    {
        if (name is null)
            throw new ArgumentNullException(parameter);
        if (!IsIdentifier(name))
            throw new ArgumentException($"'{name}' is not a valid name; use letters, digits and '_', not starting with a digit (as in .pdsl)", parameter);
        return name;
    }

    public static string[] CheckAll(string[]? names, string parameter)
    {
        if (names is null)
            throw new ArgumentNullException(parameter);
        foreach (var name in names)
            Check(name, parameter);
        return names;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
