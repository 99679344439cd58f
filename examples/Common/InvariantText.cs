using System;
using System.Globalization;

namespace ProbDsl.Examples.Common;

/// <summary>Numbers in printed results always read the same (a decimal point), whatever the machine's culture.</summary>
public static class InvariantText
{
    public static string Of(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
