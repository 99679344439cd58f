using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>Which of a step's input batches hold NaN or infinite values (used only to explain a non-finite loss).</summary>
internal static class InputCheck
{
    public static IReadOnlyList<string> NonFinite(params (string Name, Tensor Batch)[] batches)
    {
        using var scope = NewDisposeScope();
        return batches.Where(b => b.Batch.is_floating_point() && !b.Batch.isfinite().all().item<bool>()).Select(b => b.Name).ToList();
    }
}
