using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using ProbDsl.Inference.Distributions;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Interpreter;

/// <summary>
/// The noise of one evaluation, per variable: ε [B, d] for each continuous latent, Gumbel noise g [B, K] and a class
/// index [B] for the label. The interpreter reads it directly; installed with <see cref="Noise.Use"/> it feeds a
/// generated bound the same values, expanded to the shape asked for (enumerated dimensions first), so that every
/// enumerated value sees the same noise — exactly what the interpreter's brute force does.
/// </summary>
public sealed class GivenNoise : INoiseSource
{
    private readonly Dictionary<string, Tensor> _normal;
    private readonly Dictionary<string, Tensor> _gumbel;
    private readonly Dictionary<string, Tensor> _index;

    private GivenNoise(Dictionary<string, Tensor> normal, Dictionary<string, Tensor> gumbel, Dictionary<string, Tensor> index)
    {
        _normal = normal;
        _gumbel = gumbel;
        _index = index;
    }

    /// <summary>Independent noise for <paramref name="rows"/> rows, for every latent and the label of <paramref name="model"/>.</summary>
    public static GivenNoise Draw(ModelIr model, int rows, Generator generator)
    {
        var continuous = model.Variables.Where(v => v.Role != VariableRole.Data && !v.IsDiscrete);
        var label = model.Variables.Where(v => v.Role == VariableRole.Label).ToList();
        return new GivenNoise(
            continuous.ToDictionary(v => v.Name, v => randn(new long[] { rows, v.Size }, dtype: float64, generator: generator)),
            label.ToDictionary(v => v.Name, v =>
                rand(new long[] { rows, v.Size }, dtype: float64, generator: generator).clamp(1e-10, 1 - 1e-10).log().neg().log().neg()),
            label.ToDictionary(v => v.Name, v => randint(v.Size, new long[] { rows }, dtype: int64, generator: generator)));
    }

    public Tensor Epsilon(string variable) => _normal[variable];

    public Tensor GumbelOf(string variable) => _gumbel[variable];

    public Tensor IndexOf(string variable) => _index[variable];

    /// <summary>
    /// Draws asked for with a batch dimension of 1 while the noise has B &gt; 1 rows: a factor that does not read the
    /// data shapes its draw like its parameters, so libtorch's own draw would be one sample shared by every example.
    /// </summary>
    public IReadOnlyCollection<string> SharedAcrossBatch => _shared;

    private readonly HashSet<string> _shared = new();

    Tensor INoiseSource.StandardNormal(string variable, Tensor like) => Expand(variable, _normal[variable].to(like.dtype), like.shape);

    Tensor INoiseSource.Gumbel(string variable, Tensor like) => Expand(variable, _gumbel[variable].to(like.dtype), like.shape);

    Tensor INoiseSource.Categorical(string variable, Tensor logProbabilities) =>
        Expand(variable, _index[variable], logProbabilities.shape[..^1]);

    /// <summary>
    /// The noise [B, …] expanded to <paramref name="shape"/> (enumerated dimensions in front). Where that shape has a
    /// batch of 1, the batch is kept (each example its own noise, as the textbook bound has it) and the draw is
    /// recorded in <see cref="SharedAcrossBatch"/>.
    /// </summary>
    private Tensor Expand(string variable, Tensor noise, long[] shape)
    {
        var batchAxis = shape.Length - noise.dim();
        if (batchAxis < 0 || shape[batchAxis] == noise.shape[0])
            return noise.expand(shape);
        _shared.Add(variable);
        var widened = (long[])shape.Clone();
        widened[batchAxis] = noise.shape[0];
        return noise.expand(widened);
    }
}
