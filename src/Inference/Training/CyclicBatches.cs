using System;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>Index batches that cycle through a set, reshuffled on every pass (for the small labelled set).</summary>
internal sealed class CyclicBatches : IDisposable
{
    private readonly long _count;
    private readonly int _batch;
    private readonly Generator _generator;
    private Tensor _order;
    private long _position;

    public CyclicBatches(long count, int batch, Generator generator)
    {
        _count = count;
        _batch = batch;
        _generator = generator;
        _order = NewOrder();
    }

    /// <summary>The next batch of indices; the returned tensor belongs to the caller's dispose scope.</summary>
    public Tensor Next()
    {
        if (_position + _batch > _count)
        {
            _order.Dispose();
            _order = NewOrder();
            _position = 0;
        }
        var batch = _order.narrow(0, _position, _batch).clone();
        _position += _batch;
        return batch;
    }

    private Tensor NewOrder() => randperm(_count, generator: _generator).DetachFromDisposeScope();

    public void Dispose() => _order.Dispose();
}
