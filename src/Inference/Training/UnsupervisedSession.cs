using System;
using System.Collections.Generic;
using ProbDsl.Inference.Models;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The entry point generated for every model without a label (<c>objective elbo</c>), e.g.
/// <c>using var vae = Vae.Create(Vae.Guide.Amortised, options)</c>: <see cref="Fit"/>, <see cref="Evaluate"/>,
/// <see cref="ModelSession.Save"/> and <c>Vae.Open(guide, path)</c>, and E_q of the latents with <see cref="Encode"/>
/// (an M1 whose encodings are the data of another model). Sampling is not offered: a model without a label generates
/// no <c>GenerateMean</c>. Inputs are moved to <see cref="TrainingOptions.Device"/>; results stay there and belong to the caller.
/// </summary>
public abstract class UnsupervisedSession : ModelSession
{
    protected UnsupervisedSession(SessionTrainer trainer)
        : base(trainer) =>
        Model = trainer.Module as IUnsupervisedModel
            ?? throw new ArgumentException($"{trainer.Module.GetType().Name} is not an unsupervised model.", nameof(trainer));

    /// <summary>The generated model-with-guide: its bound and objective.</summary>
    public IUnsupervisedModel Model { get; }

    public override string Name => Model.Name;

    public override string Explanation => Model.Explanation;

    /// <summary>The guide's continuous latents in sampling order: the keys of <see cref="Encode"/>.</summary>
    public IReadOnlyList<string> ContinuousLatents => Model.ContinuousLatents;

    /// <summary>Trains for <see cref="TrainingOptions.Epochs"/> epochs (or continues a run) and returns every epoch's report (test error NaN: there is no label).</summary>
    /// <exception cref="NonFiniteLossException">A loss was NaN or infinite (with the default policy).</exception>
    /// <exception cref="CheckpointException">The checkpoint to resume from is missing, damaged, or of another model or settings.</exception>
    public IReadOnlyList<EpochReport> Fit(DataSplit train, DataSplit test, Action<EpochReport>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        return Trained(Trainer.Train(train, test, onEpoch));
    }

    /// <summary>The exact ELBO of a split, nats per example (discrete latents enumerated; continuous ones drawn once per example from the global generator).</summary>
    public double Evaluate(DataSplit test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Module.eval();
        return Evaluation.MeanBound(Model.Bound, test, 1000, Device);
    }

    /// <summary>
    /// E_q[v | x] of every continuous latent v (<see cref="IUnsupervisedModel.GuideMean"/>), [B, size] each, keyed by
    /// name in <see cref="ContinuousLatents"/>' order; discrete latents summed out exactly under q.
    /// </summary>
    /// <exception cref="NotSupportedException">A latent's guide factor reads a continuous latent: its mean has no closed form (the message says which).</exception>
    public IReadOnlyDictionary<string, Tensor> Encode(Tensor x) => EncodeEach(ContinuousLatents, Model.GuideMean, x);

    /// <summary>E_q[<paramref name="latent"/> | x], [B, size]; generated entry points call it from a typed <c>EncodeZ</c> per latent.</summary>
    protected Tensor EncodeLatent(string latent, Tensor x) => EncodeOne(latent, Model.GuideMean, x);
}
