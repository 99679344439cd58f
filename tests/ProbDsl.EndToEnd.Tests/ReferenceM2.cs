using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// M2 written by hand the plain way, as an oracle: one linear layer on concatenated inputs, the labelled bound
/// from textbook formulas, and the unlabelled bound as an explicit loop over the classes. It shares nothing with
/// the generator but the weights, which it copies in.
/// </summary>
internal sealed class ReferenceM2
{
    private readonly Dictionary<string, Tensor> _w;
    private readonly string _encoder;
    private readonly bool _encoderSeesY;

    /// <param name="parameters">Named parameters of a generated M2 module.</param>
    /// <param name="encoder">"encoder" for q(z|x,y) or "encoderMF" for q(z|x).</param>
    /// <param name="differentiable">Copies the weights into leaves of its own that collect gradients (<see cref="Weights"/>).</param>
    public ReferenceM2(IEnumerable<(string Name, Tensor Value)> parameters, string encoder, bool differentiable = false)
    {
        _w = parameters.ToDictionary(p => p.Name, p => differentiable ? p.Value.detach().clone().requires_grad_(true) : p.Value.detach());
        _encoder = encoder;
        _encoderSeesY = _w.ContainsKey($"{encoder}.inputY.weight");
    }

    /// <summary>The weights by parameter name; with <c>differentiable</c>, their <c>grad</c> after a backward pass.</summary>
    public IReadOnlyDictionary<string, Tensor> Weights => _w;

    private static Tensor Softplus(Tensor t) => (t.exp() + 1).log();

    private Tensor Hidden(string net, Tensor input, params string[] inputs)
    {
        // The first layer of a generated net is split per input; as one layer it is their concatenation.
        var weight = cat(inputs.Select(i => _w[$"{net}.input{i}.weight"]).ToArray(), 1);
        var bias = _w[$"{net}.input{inputs[0]}.bias"];
        return Softplus(input.matmul(weight.t()) + bias);
    }

    private Tensor Head(string net, string head, Tensor h) => h.matmul(_w[$"{net}.head{head}.weight"].t()) + _w[$"{net}.head{head}.bias"];

    public Tensor ClassLogProbs(Tensor x) =>
        nn.functional.log_softmax(Head("classifier", "YLogits", Hidden("classifier", x, "X")), 1);

    /// <summary>The loc of q(z|x,y) (or q(z|x)), [B, Z].</summary>
    public Tensor EncoderLoc(Tensor x, Tensor yOneHot) =>
        Head(_encoder, "ZLoc", _encoderSeesY ? Hidden(_encoder, cat(new[] { x, yOneHot }, 1), "X", "Y") : Hidden(_encoder, x, "X"));

    /// <summary>The Bernoulli probabilities of p(x|y,z), [B, 784].</summary>
    public Tensor DecoderProbabilities(Tensor yOneHot, Tensor z)
    {
        var logits = Head("decoder", "XLogits", Hidden("decoder", cat(new[] { yOneHot, z }, 1), "Y", "Z"));
        return 1 / (1 + (-logits).exp());
    }

    /// <summary>L(x, y) with the given standard-normal noise eps [B, Z].</summary>
    public Tensor LabelledBound(Tensor x, Tensor yOneHot, Tensor eps)
    {
        var hq = _encoderSeesY ? Hidden(_encoder, cat(new[] { x, yOneHot }, 1), "X", "Y") : Hidden(_encoder, x, "X");
        var loc = Head(_encoder, "ZLoc", hq);
        var scale = Softplus(Head(_encoder, "ZScale", hq));
        var z = loc + scale * eps;
        var logits = Head("decoder", "XLogits", Hidden("decoder", cat(new[] { yOneHot, z }, 1), "Y", "Z"));
        var logPx = (x * logits - Softplus(logits)).sum(1);
        var kl = (0.5 * (scale * scale + loc * loc - 1) - scale.log()).sum(1);
        return logPx + Math.Log(1.0 / 10) - kl;
    }

    /// <summary>U(x) = Σ_k q(k|x) (L(x, k) - log q(k|x)), one class at a time; eps is [K, B, Z] (or [B, Z] shared).</summary>
    public Tensor UnlabelledBound(Tensor x, Tensor eps)
    {
        var logQ = ClassLogProbs(x);
        var total = zeros(x.shape[0], dtype: x.dtype);
        for (var k = 0; k < 10; k++)
        {
            var yOneHot = nn.functional.one_hot(full(x.shape[0], k, dtype: int64), 10).to(x.dtype);
            var noise = eps.dim() == 3 ? eps[k] : eps;
            var lk = LabelledBound(x, yOneHot, noise);
            var qk = logQ[.., k];
            total = total + qk.exp() * (lk - qk);
        }
        return total;
    }
}
