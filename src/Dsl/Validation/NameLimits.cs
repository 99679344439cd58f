namespace ProbDsl.Dsl.Validation;

/// <summary>
/// How long a declared name may be. Every name becomes C# identifiers (a model's and a guide's together name a
/// class and the generated file), so a name of megabytes made hundreds of megabytes of C# and an unlocated compiler
/// error; 128 characters is far beyond any name a person writes.
/// </summary>
internal static class NameLimits
{
    public const int MaxLength = 128;

    /// <summary>The start of a long name, for messages that must not echo all of it.</summary>
    public static string Abbreviated(string name) => name.Length <= 40 ? name : name.Substring(0, 40) + "…";
}
