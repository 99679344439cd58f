using System;
using System.Collections.Generic;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// What every generated entry point shares (<c>M2.Create(M2.Guide.Structured, options)</c>): one generated trainer of
/// the chosen guide, saving it atomically, loading the weights of a checkpoint of the same model and guide only, and
/// disposal of it all. See <see cref="SemiSupervisedSession"/> and <see cref="UnsupervisedSession"/>.
/// </summary>
public abstract class ModelSession : IDisposable
{
    private readonly SessionTrainer _trainer;
    private IReadOnlyList<EpochReport> _reports = Array.Empty<EpochReport>();

    private protected ModelSession(SessionTrainer trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        _trainer = trainer;
    }

    /// <summary>The generated model-with-guide module (e.g. <c>M2Structured</c>), on <see cref="TrainingOptions.Device"/>.</summary>
    public nn.Module Module => _trainer.Module;

    /// <summary>The options the session was created with.</summary>
    public TrainingOptions Options => _trainer.Options;

    /// <summary>Readable name, e.g. "M2 / Structured".</summary>
    public abstract string Name { get; }

    /// <summary>The compiler's explanation of the guide: factorisations, the bounds optimised, the independences it assumes.</summary>
    public abstract string Explanation { get; }

    /// <summary>The reports of the last <c>Fit</c>, or of the epochs the checkpoint <see cref="Load"/> read had trained.</summary>
    public IReadOnlyList<EpochReport> Reports => _reports;

    private protected SessionTrainer Trainer => _trainer;

    private protected Device Device => _trainer.Options.Device;

    private protected IReadOnlyList<EpochReport> Trained(IReadOnlyList<EpochReport> reports) => _reports = reports;

    /// <summary>
    /// <paramref name="guideMean"/> (the model's <c>GuideMean</c>) of each of <paramref name="latents"/>, keyed by
    /// name in their order: both kinds of session's <c>Encode</c>.
    /// </summary>
    private protected IReadOnlyDictionary<string, Tensor> EncodeEach(IReadOnlyList<string> latents, Func<string, Tensor, Tensor> guideMean, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var means = new Dictionary<string, Tensor>();
        foreach (var latent in latents)
            means.Add(latent, EncodeOne(latent, guideMean, x));
        return means;
    }

    /// <summary>
    /// <paramref name="guideMean"/> of one latent in eval mode and without gradients, <paramref name="x"/> moved to the
    /// device; the result stays there and belongs to the caller.
    /// </summary>
    private protected Tensor EncodeOne(string latent, Func<string, Tensor, Tensor> guideMean, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Module.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return guideMean(latent, x.to(Device)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Writes the weights, Adam's state and the generators as a training checkpoint, atomically and durably (temporary
    /// file, fsync, rename): a crash never leaves a half-written file at <paramref name="path"/>. Opens with
    /// <see cref="Load"/> or the entry point's <c>Open</c>, or resumes with <see cref="TrainingOptions.ResumeFrom"/>.
    /// </summary>
    /// <exception cref="NonFiniteWeightsException">A weight is NaN or infinite; the file on disk is left as it was.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _trainer.SaveCheckpoint(path);
    }

    /// <summary>
    /// Loads the weights of a checkpoint written by <see cref="Save"/>, by <c>probdsl train</c> or by a trainer's
    /// <see cref="TrainingOptions.CheckpointPath"/>, after checking that it is of this model and guide. Adam's state is
    /// not restored: a later <c>Fit</c> starts a new run from these weights (to continue a run exactly, create with
    /// <see cref="TrainingOptions.ResumeFrom"/> instead).
    /// </summary>
    /// <exception cref="CheckpointException">Missing, not a checkpoint, damaged, or of another model or guide (both named).</exception>
    public void Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _reports = Checkpoint.LoadWeightsOfSameModel(Module, path);
    }

    /// <summary>Loads <paramref name="path"/> into a new session, disposing it when the checkpoint is refused.</summary>
    protected static TSession Opened<TSession>(TSession session, string path)
        where TSession : ModelSession
    {
        try
        {
            session.Load(path);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The message of an enum value no guide has (a cast from a number).</summary>
    protected static ArgumentOutOfRangeException UnknownGuide<TGuide>(TGuide guide, string model)
        where TGuide : struct, Enum =>
        new(nameof(guide), guide, $"{model} declares the guides {string.Join(", ", Enum.GetNames<TGuide>())}.");

    public void Dispose()
    {
        _trainer.Dispose();
        GC.SuppressFinalize(this);
    }
}
