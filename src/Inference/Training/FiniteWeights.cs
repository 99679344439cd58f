using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>Finds a module's first parameter or buffer holding NaN or ±∞ (one reduction and one host read per tensor).</summary>
public static class FiniteWeights
{
    /// <returns>The tensor's name, or null when every floating-point value is finite.</returns>
    public static string? FirstNonFinite(nn.Module module)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return module.named_parameters().Select(p => (p.name, Tensor: (Tensor)p.parameter))
            .Concat(module.named_buffers().Select(b => (b.name, Tensor: b.buffer)))
            .Where(t => t.Tensor.is_floating_point())
            .Where(t => !t.Tensor.isfinite().all().item<bool>())
            .Select(t => t.name)
            .FirstOrDefault();
    }
}
