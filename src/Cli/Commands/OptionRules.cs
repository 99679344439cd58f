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

    /// <summary>A positive finite number (a learning rate).</summary>
    public static void PositiveNumber(Option<double> option)
    {
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<double>();
            if (!double.IsFinite(value) || value <= 0)
                r.AddError($"{option.Name} must be a positive number; got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        });
    }

    /// <summary>Zero or a positive finite number, when given (a weight such as alpha).</summary>
    public static void NonNegativeNumber(Option<double?> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is double value && (!double.IsFinite(value) || value < 0))
                r.AddError($"{option.Name} must be zero or a positive number; got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        });
    }
}
