using System;
using System.Linq;
using System.Reflection;
using ProbDsl.Differential.Tests.Interpreter;
using ProbDsl.Inference.Distributions;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Harness;

/// <summary>A generated module seen through its interfaces: its bounds by kind, its temperature and its baseline.</summary>
internal sealed class GeneratedModule : IDisposable
{
    private readonly nn.Module _module;

    public GeneratedModule(Type type)
    {
        _module = (nn.Module)Activator.CreateInstance(type)!;
        _module.to(float64);
    }

    public nn.Module Module => _module;

    public double Temperature => _module is IRelaxedModel relaxed ? relaxed.Temperature : 1.0;

    /// <summary>The bound under the given noise, installed for this thread only while it runs.</summary>
    public Tensor Bound(BoundKind kind, BoundInputs inputs)
    {
        using var noise = Noise.Use(inputs.Noise);
        return BoundWithLibtorchNoise(kind, inputs);
    }

    /// <summary>The bound with the runtime's own draws: tells a failure of the generated code from one of the given noise.</summary>
    public Tensor BoundWithLibtorchNoise(BoundKind kind, BoundInputs inputs)
    {
        return kind switch
        {
            BoundKind.Labelled => SemiSupervised.LabelledBound(inputs.X, inputs.Label!),
            BoundKind.Unlabelled => SemiSupervised.UnlabelledBound(inputs.X),
            BoundKind.Objective => SemiSupervised.UnlabelledObjective(inputs.X),
            _ => ((IUnsupervisedModel)_module).Bound(inputs.X),
        };
    }

    private ISemiSupervisedModel SemiSupervised => (ISemiSupervisedModel)_module;

    /// <summary>
    /// b [B] as the generated surrogate will read it: the moving average (0 on a fresh module) plus, when learned, the
    /// linear baseline's output, computed from its weights. Read before the call that updates the average.
    /// </summary>
    public Tensor Baseline(Tensor x)
    {
        var average = _module.GetType().GetField("signalBaseline", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(_module) is MovingAverageBaseline m
            ? m.Value
            : 0.0;
        var weights = _module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var b = zeros(x.shape[0], dtype: float64) + average;
        if (weights.TryGetValue("signalBaselineNet.linear.weight", out var w))
            b = b + (x.matmul(w.t()) + weights["signalBaselineNet.linear.bias"]).squeeze(-1);
        return b.detach();
    }

    public void Dispose() => _module.Dispose();
}
