using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProbDsl.Cli.Training;

/// <summary>
/// The value of train's hidden <c>--gradient-variance-at</c>: comma-separated global steps (1-based) and/or
/// <c>epoch1-end</c> (the last step of epoch 1), e.g. <c>50,500,epoch1-end</c>, which <c>probdsl compare</c> passes
/// to every run unless told otherwise.
/// </summary>
internal sealed record GradientVarianceSteps(IReadOnlySet<long> Steps, bool EndOfFirstEpoch)
{
    public const string Option = "--gradient-variance-at";
    public const string EndOfFirstEpochToken = "epoch1-end";
    public const string CompareDefault = "50,500," + EndOfFirstEpochToken;

    /// <returns>Null with an error message when the text is not such a list.</returns>
    public static GradientVarianceSteps? Parse(string text, out string? error)
    {
        var steps = new HashSet<long>();
        var end = false;
        foreach (var token in text.Split(',').Select(t => t.Trim()))
        {
            if (token == EndOfFirstEpochToken)
                end = true;
            else if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0)
                steps.Add(step);
            else
            {
                error = $"{Option}: '{token}' is neither a positive step number nor {EndOfFirstEpochToken}.";
                return null;
            }
        }
        error = null;
        return new GradientVarianceSteps(steps, end);
    }
}
