using System.CommandLine;

namespace ProbDsl.Examples.Common;

/// <summary>Validation rules shared by the examples' options.</summary>
public static class OptionRules
{
    public static void Positive(params Option<int>[] options)
    {
        foreach (var option in options)
            option.Validators.Add(r =>
            {
                var value = r.GetValueOrDefault<int>();
                if (value <= 0)
                    r.AddError($"{option.Name} must be positive; got {value}.");
            });
    }
}
