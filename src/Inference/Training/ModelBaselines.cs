using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ProbDsl.Inference.Distributions;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The REINFORCE moving-average baselines of a generated model: state outside its parameters that a checkpoint must
/// keep. The generated model holds them in private fields and exposes no member for them, so they are found by type
/// (in name order, which is stable for a given model).
/// </summary>
internal static class ModelBaselines
{
    public static IReadOnlyList<MovingAverageBaseline> Of(nn.Module model) =>
        model.GetType()
            .GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(MovingAverageBaseline))
            .OrderBy(f => f.Name, System.StringComparer.Ordinal)
            .Select(f => (MovingAverageBaseline)f.GetValue(model)!)
            .ToList();
}
