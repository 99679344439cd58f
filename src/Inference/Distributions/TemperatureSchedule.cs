using System;

namespace ProbDsl.Inference.Distributions;

/// <summary>Jang et al. 2017: τ = max(τ_min, τ0·exp(-r·t)), with t the step rounded down to a multiple of <c>Every</c>.</summary>
public sealed record TemperatureSchedule(double Tau0, double TauMin, double Rate, int Every)
{
    public double At(long step)
    {
        var t = step / Every * Every;
        return Math.Max(TauMin, Tau0 * Math.Exp(-Rate * t));
    }
}
