using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// What a checkpoint was trained for: a hash of the generated model's type, name, factorisations, the compiler's
/// explanation of its bound, and every parameter's and buffer's name, shape and type. A checkpoint of another model,
/// of the same model with another guide, or of a model whose generated code changed its bound, is refused on resume.
/// </summary>
internal sealed record ModelIdentity(string Hash, string Description)
{
    public static ModelIdentity Of(nn.Module model)
    {
        var (name, factorisation, explanation) = model switch
        {
            ISemiSupervisedModel m => (m.Name, m.Factorisation, m.Explanation),
            IUnsupervisedModel m => (m.Name, m.Factorisation, m.Explanation),
            _ => (model.GetType().Name, "", ""),
        };
        var tensors = model.named_parameters().Select(p => (p.name, Tensor: (Tensor)p.parameter))
            .Concat(model.named_buffers().Select(b => (b.name, Tensor: b.buffer)))
            .Select(t => $"{t.name} {t.Tensor.dtype} [{string.Join(",", t.Tensor.shape)}]");
        var text = string.Join("\n", new[] { model.GetType().FullName, name, factorisation, explanation,
            $"baselines {ModelBaselines.Of(model).Count}" }.Concat(tensors));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var count = model.parameters().Sum(p => p.numel());
        return new ModelIdentity(hash, FormattableString.Invariant($"{name} ({factorisation}; {count:N0} parameters)"));
    }
}
