using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The entry point generated for every model with a label (<c>objective semisupervised</c>), e.g.
/// <c>using var m2 = M2.Create(M2.Guide.Structured, options)</c>: train with <see cref="Fit"/>, measure with
/// <see cref="Evaluate"/>, map data to E_q of the latents with <see cref="Encode"/>, draw class-conditional data
/// means with <see cref="Sample(Tensor, int)"/>, and <see cref="ModelSession.Save"/> / <c>M2.Open(guide, path)</c>.
/// Inputs are moved to <see cref="TrainingOptions.Device"/>; results stay there and belong to the caller.
/// </summary>
public abstract class SemiSupervisedSession : ModelSession
{
    private readonly IReadOnlyDictionary<string, int> _latentSizes;

    /// <param name="trainer">The generated trainer of the chosen guide (<see cref="SessionTrainer.Of{TModel}(SemiSupervisedTrainer{TModel}, TrainingOptions)"/>).</param>
    /// <param name="latents">Every continuous latent of the model with its size: the shapes of <see cref="Sample(Tensor, Generator)"/>'s noise.</param>
    protected SemiSupervisedSession(SessionTrainer trainer, params (string Latent, int Size)[] latents)
        : base(trainer)
    {
        Model = trainer.Module as ISemiSupervisedModel
            ?? throw new ArgumentException($"{trainer.Module.GetType().Name} is not a semi-supervised model.", nameof(trainer));
        _latentSizes = latents.ToDictionary(l => l.Latent, l => l.Size);
    }

    /// <summary>The generated model-with-guide (e.g. <c>M2Structured</c>): bounds, classifier, means.</summary>
    public ISemiSupervisedModel Model { get; }

    public override string Name => Model.Name;

    public override string Explanation => Model.Explanation;

    /// <summary>Classes of the label.</summary>
    public int ClassCount => Model.ClassCount;

    /// <summary>The guide's continuous latents in sampling order: the keys of <see cref="Encode"/>, the noise order of <see cref="Sample(Tensor, Generator)"/>.</summary>
    public IReadOnlyList<string> ContinuousLatents => Model.ContinuousLatents;

    /// <summary>
    /// Trains for <see cref="TrainingOptions.Epochs"/> epochs (or, with <see cref="TrainingOptions.ResumeFrom"/>,
    /// continues a run) and returns every epoch's report; <paramref name="onEpoch"/> sees each as it is made.
    /// Checkpoints are written as <see cref="TrainingOptions.CheckpointPath"/> says.
    /// </summary>
    /// <exception cref="NonFiniteLossException">A loss was NaN or infinite (with the default policy).</exception>
    /// <exception cref="CheckpointException">The checkpoint to resume from is missing, damaged, or of another model or settings.</exception>
    public IReadOnlyList<EpochReport> Fit(SemiSupervisedData data, Action<EpochReport>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Trained(Trainer.Train(data, onEpoch));
    }

    /// <summary>
    /// The exact test ELBO (mean U(x) with the label enumerated, nats per example; the continuous latents drawn once
    /// per example from the global generator, as training's evaluation does) and the error of argmax_y q(y|x) on a
    /// labelled split.
    /// </summary>
    public TestMetrics Evaluate(DataSplit test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Module.eval();
        var (elbo, error) = Evaluation.Evaluate(Model, test, 1000, Device);
        return new TestMetrics(elbo, error);
    }

    /// <summary>
    /// E_q[v | x] of every continuous latent v (<see cref="ISemiSupervisedModel.GuideMean"/>), [B, size] each, keyed
    /// by name in <see cref="ContinuousLatents"/>' order; the label and discrete latents summed out exactly under q.
    /// </summary>
    /// <exception cref="NotSupportedException">A latent's guide factor reads a continuous latent: its mean has no closed form (the message says which).</exception>
    public IReadOnlyDictionary<string, Tensor> Encode(Tensor x) => EncodeEach(ContinuousLatents, Model.GuideMean, x);

    /// <summary>E_q[<paramref name="latent"/> | x], [B, size]; generated entry points call it from a typed <c>EncodeZ</c> per latent.</summary>
    protected Tensor EncodeLatent(string latent, Tensor x) => EncodeOne(latent, Model.GuideMean, x);

    /// <summary>
    /// Class-conditional data means, [B, DataSize]: for each class index of <paramref name="labels"/> [B] (int64), the
    /// mean of p(x | y, ·) after ancestral sampling with fresh standard-normal noise for every continuous latent
    /// (<see cref="ISemiSupervisedModel.GenerateMean"/>) — Bernoulli probabilities, a Normal's loc, and so on. The same
    /// seed gives the same samples.
    /// </summary>
    public Tensor Sample(Tensor labels, int seed)
    {
        using var generator = new Generator((ulong)seed, device: CPU);
        return Sample(labels, generator);
    }

    /// <summary>As <see cref="Sample(Tensor, int)"/>, drawing the noise (on the CPU, one [B, size] tensor per latent in <see cref="ContinuousLatents"/>' order) from <paramref name="generator"/>.</summary>
    public Tensor Sample(Tensor labels, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(generator);
        if (labels.dim() != 1)
            throw new ArgumentException($"The labels must be class indices [B]; got shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        Module.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var dtype = Module.parameters().FirstOrDefault()?.dtype ?? get_default_dtype();
        var noise = ContinuousLatents
            .Select(latent => randn(new long[] { labels.shape[0], _latentSizes[latent] }, generator: generator).to(dtype).to(Device))
            .ToList();
        return Model.GenerateMean(labels.to(int64).to(Device), noise).MoveToOuterDisposeScope();
    }
}

/// <summary>Test-set numbers: the exact ELBO (nats per example; higher is better) and the classification error.</summary>
public sealed record TestMetrics(double Elbo, double Error)
{
    public double Accuracy => 1 - Error;
}
