using System;
using System.Collections.Generic;
using ProbDsl.Inference.Models;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The entry point generated for every model without a label (<c>objective elbo</c>), e.g.
/// <c>using var vae = Vae.Create(Vae.Guide.Amortised, options)</c>: <see cref="Fit"/>, <see cref="Evaluate"/>,
/// <see cref="ModelSession.Save"/> and <c>Vae.Open(guide, path)</c>. Encoding and sampling are not offered yet: a model
/// without a label generates no <c>GuideMean</c>/<c>GenerateMean</c>.
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
}
