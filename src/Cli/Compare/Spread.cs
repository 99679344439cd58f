using System;
using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>Mean and sample standard deviation (n − 1) of one measure over seeds; the sd is NaN below two values.</summary>
internal readonly record struct Spread(double Mean, double Sd, int N)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var xs = values.Where(double.IsFinite).ToArray();
        if (xs.Length == 0)
            return new Spread(double.NaN, double.NaN, 0);
        var mean = xs.Average();
        var sd = xs.Length < 2 ? double.NaN : Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
        return new Spread(mean, sd, xs.Length);
    }

    public bool HasSd => N >= 2;

    /// <summary>Welch's t for the difference of two means: (m1 − m2) / sqrt(s1²/n1 + s2²/n2); NaN without two values each or without spread.</summary>
    public static double WelchT(Spread a, Spread b)
    {
        if (!a.HasSd || !b.HasSd)
            return double.NaN;
        var error = Math.Sqrt(a.Sd * a.Sd / a.N + b.Sd * b.Sd / b.N);
        return error > 0 ? (a.Mean - b.Mean) / error : double.NaN;
    }
}
