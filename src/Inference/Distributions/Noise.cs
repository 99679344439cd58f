using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Distributions;

/// <summary>
/// Supplies the given noise of a draw in place of libtorch's generator, for the current thread. Tests install one
/// to evaluate a generated bound at noise they chose, so that an independent reference can use the same noise.
/// </summary>
public interface INoiseSource
{
    /// <summary>ε ~ Normal(0, 1) with the shape of <paramref name="like"/>, for the reparameterised sample of <paramref name="variable"/>.</summary>
    Tensor StandardNormal(string variable, Tensor like);

    /// <summary>g ~ Gumbel(0, 1) with the shape of <paramref name="like"/>, for the Concrete sample of <paramref name="variable"/>.</summary>
    Tensor Gumbel(string variable, Tensor like);

    /// <summary>One class index per row of <paramref name="logProbabilities"/> [..., K], for the discrete sample of <paramref name="variable"/>.</summary>
    Tensor Categorical(string variable, Tensor logProbabilities);
}

/// <summary>
/// Every random draw of a generated bound goes through here, named after the variable it is for. Without an
/// installed <see cref="INoiseSource"/> (always, outside tests) each call is libtorch's own draw; the name costs
/// nothing on that path.
/// </summary>
public static class Noise
{
    /// <summary>Keeps -log(-log u) finite.</summary>
    private const double Epsilon = 1e-10;

    [ThreadStatic]
    private static INoiseSource? s_source;

    /// <summary>Routes this thread's draws to <paramref name="source"/> until the result is disposed.</summary>
    public static IDisposable Use(INoiseSource source)
    {
        var previous = s_source;
        s_source = source;
        return new Restore(previous);
    }

    public static Tensor StandardNormal(string variable, Tensor like) =>
        s_source?.StandardNormal(variable, like) ?? randn_like(like);

    /// <summary>
    /// ε for a sample whose parameters <paramref name="like"/> [..., B or 1, d] may lack the batch dimension (they
    /// depend on enumerated values alone): one draw per example of <paramref name="data"/> [B, ...] all the same,
    /// never one draw shared by the whole batch.
    /// </summary>
    public static Tensor StandardNormal(string variable, Tensor like, Tensor data)
    {
        var batch = data.shape[0];
        if (like.dim() < 2 || like.shape[^2] == batch)
            return StandardNormal(variable, like);
        var shape = like.shape.ToArray();
        shape[^2] = batch;
        return StandardNormal(variable, like.expand(shape));
    }

    public static Tensor Gumbel(string variable, Tensor like)
    {
        if (s_source is { } source)
            return source.Gumbel(variable, like);
        using var scope = NewDisposeScope();
        var uniform = rand_like(like).clamp_(Epsilon, 1 - Epsilon);
        return uniform.log().neg().log().neg().MoveToOuterDisposeScope();
    }

    /// <summary>Class indices [...] drawn from log-probabilities [..., K]; no gradient flows through the draw.</summary>
    public static Tensor Categorical(string variable, Tensor logProbabilities)
    {
        if (s_source is { } source)
            return source.Categorical(variable, logProbabilities);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var probabilities = logProbabilities.detach().exp();
        var rows = probabilities.reshape(-1, probabilities.shape[^1]);
        return multinomial(rows, 1).reshape(probabilities.shape[..^1]).MoveToOuterDisposeScope();
    }

    private sealed class Restore : IDisposable
    {
        private readonly INoiseSource? _previous;

        public Restore(INoiseSource? previous) => _previous = previous;

        public void Dispose() => s_source = _previous;
    }
}
