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
        : this(count, batch, generator, order: null, position: 0)
    {
    }

    /// <summary>Continues a cursor saved in a checkpoint (<see cref="Order"/>, <see cref="Position"/>) without drawing a new order.</summary>
    public CyclicBatches(long count, int batch, Generator generator, long[]? order, long position)
    {
        _count = count;
        _batch = batch;
        _generator = generator;
        _order = order is null ? NewOrder() : tensor(order, int64).DetachFromDisposeScope();
        _position = position;
    }

    /// <summary>The current pass's order: with <see cref="Position"/>, all a checkpoint needs to continue the cycle.</summary>
    public long[] Order => _order.data<long>().ToArray();

    public long Position => _position;

    public int BatchSize => _batch;

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
