using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Interpreter;

/// <summary>
/// What a bound is evaluated at: data [B, d], the given noise, the label's class indices [B] (labelled bound), the
/// Concrete temperature (relaxed label) and the score-function baseline [B] (sampled label; enters detached).
/// </summary>
public sealed record BoundInputs(Tensor X, GivenNoise Noise, Tensor? Label = null, double Temperature = 1.0, Tensor? Baseline = null);

/// <summary>How the label enters one evaluation.</summary>
internal enum LabelTreatment
{
    None,
    Observed,
    Enumerated,
    Relaxed,
    Sampled,
}
