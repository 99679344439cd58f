using System.CommandLine;

namespace ProbDsl.Cli.Commands;

/// <summary>Validation rules for option values, each message naming the option.</summary>
internal static class OptionRules
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

    public static void Positive(params Option<int?>[] options)
    {
        foreach (var option in options)
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is int value && value <= 0)
                    r.AddError($"{option.Name} must be positive; got {value}.");
            });
    }
}
