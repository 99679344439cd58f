using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ProbDsl.Bench;

/// <summary>
/// M2 as a careful engineer writes it by hand in TorchSharp, without a compiler's help: each network is one
/// stack of layers on its concatenated inputs; the unlabelled bound enumerates the 10 classes in one batched
/// pass by broadcasting the batch over a leading class dimension (as Pyro's parallel enumeration does).
/// </summary>
internal sealed class HandWrittenM2 : nn.Module
{
    private const int Classes = 10, Pixels = 784, Hidden = 500, Latent = 50;

    private readonly Linear classifierHidden = nn.Linear(Pixels, Hidden);
    private readonly Linear classifierOut = nn.Linear(Hidden, Classes);
    private readonly Linear encoderHidden = nn.Linear(Pixels + Classes, Hidden);
    private readonly Linear encoderLoc = nn.Linear(Hidden, Latent);
    private readonly Linear encoderScale = nn.Linear(Hidden, Latent);
    private readonly Linear decoderHidden = nn.Linear(Classes + Latent, Hidden);
    private readonly Linear decoderOut = nn.Linear(Hidden, Pixels);

    public HandWrittenM2() : base("HandWrittenM2") => RegisterComponents();

    public Tensor ClassLogits(Tensor x) => classifierOut.call(F.softplus(classifierHidden.call(x)));

    /// <summary>L(x, y) for any leading shape: x [..., 784], y one-hot [..., 10].</summary>
    private Tensor Bound(Tensor x, Tensor y)
    {
        var h = F.softplus(encoderHidden.call(cat(new[] { x, y }, -1)));
        var loc = encoderLoc.call(h);
        var scale = F.softplus(encoderScale.call(h));
        var z = loc + scale * randn_like(loc);
        var logits = decoderOut.call(F.softplus(decoderHidden.call(cat(new[] { y, z }, -1))));
        var logPx = F.binary_cross_entropy_with_logits(logits, x, reduction: nn.Reduction.None).sum(-1).neg();
        var kl = (0.5 * (scale.square() + loc.square() - 1) - scale.log()).sum(-1);
        return logPx - kl + Math.Log(1.0 / Classes);
    }

    public Tensor LabelledBound(Tensor x, Tensor labels) => Bound(x, F.one_hot(labels, Classes).to(x.dtype));

    /// <summary>Eq. 9 per example as the generated trainer uses it at 3000 labels (|D_l|/N = 0.05, α = 0.1), negated.</summary>
    public Tensor Loss(Tensor xl, Tensor yl, Tensor xu)
    {
        var logQ = F.log_softmax(ClassLogits(xl), -1).gather(-1, yl.unsqueeze(-1)).squeeze(-1);
        return -(LabelledBound(xl, yl).mean() * 0.05 + logQ.mean() * 0.1 + UnlabelledBound(xu).mean() * 0.95);
    }

    public Tensor UnlabelledBound(Tensor x)
    {
        var batch = x.shape[0];
        var logQ = F.log_softmax(ClassLogits(x), -1).t();                                 // [K, B]
        var y = eye(Classes, dtype: x.dtype).unsqueeze(1).expand(Classes, batch, Classes); // [K, B, K]
        var bound = Bound(x.unsqueeze(0).expand(Classes, batch, Pixels), y);               // [K, B]
        return (logQ.exp() * (bound - logQ)).sum(dim: 0);
    }
}
