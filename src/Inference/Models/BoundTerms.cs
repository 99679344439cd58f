using System.Collections;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Models;

/// <summary>
/// The named pieces of a bound, each per example [B], in the order they were added; generated
/// <c>LabelledBoundTerms</c>/<c>UnlabelledBoundTerms</c> fill one with a collection initializer. A piece without
/// the batch dimension (a constant such as log(1/K), or one that does not depend on the data) is expanded to [B].
/// </summary>
public sealed class BoundTerms : IReadOnlyList<(string Name, Tensor PerExample)>
{
    private readonly List<(string Name, Tensor PerExample)> _terms = new();
    private readonly Tensor _data;

    /// <param name="data">The batch [B, ...] the terms are of: its size, dtype and device.</param>
    public BoundTerms(Tensor data) => _data = data;

    public int Count => _terms.Count;

    public (string Name, Tensor PerExample) this[int index] => _terms[index];

    public void Add(string name, Tensor perExample) =>
        _terms.Add((name, perExample.dim() == 1 && perExample.shape[0] == _data.shape[0] ? perExample : perExample.expand(_data.shape[0])));

    public void Add(string name, double constant) =>
        _terms.Add((name, full(_data.shape[0], constant, dtype: _data.dtype, device: _data.device)));

    /// <summary>Moves every term out of the calling method's dispose scope; returns this.</summary>
    public BoundTerms MoveToOuterDisposeScope()
    {
        foreach (var (_, term) in _terms)
            term.MoveToOuterDisposeScope();
        return this;
    }

    public IEnumerator<(string Name, Tensor PerExample)> GetEnumerator() => _terms.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
