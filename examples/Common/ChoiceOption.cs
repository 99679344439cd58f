using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace ProbDsl.Examples.Common;

/// <summary>
/// An option whose values are the names of a table (e.g. "interleaved" → <c>LabelledSchedule.Interleaved</c>): the
/// parser accepts exactly the table's names and <see cref="Read"/> returns the typed value, so no code compares
/// strings; the default is a typed value too (usually <c>TrainingOptions</c>'), shown by its name.
/// </summary>
public sealed class ChoiceOption<T>
{
    private readonly IReadOnlyDictionary<string, T> _choices;

    /// <param name="choices">Name → value, in the order the help lists them.</param>
    /// <param name="defaultValue">One of the values of <paramref name="choices"/>.</param>
    public ChoiceOption(string name, string description, IReadOnlyDictionary<string, T> choices, T defaultValue)
    {
        _choices = choices;
        var defaultName = choices.Single(choice => EqualityComparer<T>.Default.Equals(choice.Value, defaultValue)).Key;
        Option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultName };
        Option.AcceptOnlyFromAmong(choices.Keys.ToArray());
    }

    public Option<string> Option { get; }

    public T Read(ParseResult parsed) => _choices[parsed.GetValue(Option)!];
}
