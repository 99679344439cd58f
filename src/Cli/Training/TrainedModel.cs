using System;
using System.Collections.Generic;
using System.IO;
using ProbDsl.Cli.Compiling;
using ProbDsl.Cli.Data;
using ProbDsl.Dsl.Ir;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using TorchSharp;

namespace ProbDsl.Cli.Training;

/// <summary>
/// A model of a .pdsl file compiled in memory as <c>probdsl train</c> compiles it, with the weights of a checkpoint
/// that <c>train</c> wrote: the checkpoint must be of this very model and guide (the hash a resumed run checks).
/// </summary>
internal sealed class TrainedModel : IDisposable
{
    private TrainedModel(torch.nn.Module module, ModelIr model, GuideIr guide, IReadOnlyList<EpochReport> reports, ModelData data)
    {
        Module = module;
        Model = model;
        Guide = guide;
        Reports = reports;
        Data = data;
    }

    public torch.nn.Module Module { get; }

    public ModelIr Model { get; }

    public GuideIr Guide { get; }

    /// <summary>The training run's reports up to the checkpoint.</summary>
    public IReadOnlyList<EpochReport> Reports { get; }

    public ModelData Data { get; }

    /// <summary>The module as a model with a label, or null for an <c>objective elbo</c> model.</summary>
    public ISemiSupervisedModel? SemiSupervised => Module as ISemiSupervisedModel;

    public IUnsupervisedModel? Unsupervised => Module as IUnsupervisedModel;

    /// <returns>Null when the file has errors (printed as the build prints them).</returns>
    /// <exception cref="UserError">The checkpoint is missing, damaged, or of another model or guide.</exception>
    public static TrainedModel? Load(string file, string? modelName, string? guideName, bool hoisting, string? infer, string checkpoint, Terminal terminal)
    {
        if (Directory.Exists(checkpoint))
            throw new UserError($"--checkpoint {checkpoint}: a directory; give the checkpoint file (model.bin in the run's --out directory).");
        if (!File.Exists(checkpoint))
            throw new UserError($"--checkpoint {checkpoint}: no such file.");
        var compiled = CompiledFile.Load(file, hoisting);
        if (compiled.HasErrors)
            return Errors(compiled, terminal);
        var model = compiled.SelectModel(modelName);
        if (infer is not null)
        {
            model = InferenceOverride.Apply(model, InferenceOverride.Parse(infer));
            compiled = compiled.With(model, hoisting);
            if (compiled.HasErrors)
                return Errors(compiled, terminal);
        }
        var guide = CompiledFile.SelectGuide(model, guideName);
        var type = TrainerType.Find(RuntimeCompiler.Compile($"ProbDsl.Models.{model.Name}", compiled.Sources), compiled.PlanOf(model, guide));
        var module = (torch.nn.Module)Activator.CreateInstance(type.Model)!;
        try
        {
            var reports = Checkpoint.LoadWeightsOfSameModel(module, checkpoint);
            module.eval();
            return new TrainedModel(module, model, guide, reports, ModelData.Of(model));
        }
        catch (CheckpointException e)
        {
            module.Dispose();
            // The runtime's message names the file already.
            throw new UserError(e.Message.StartsWith(checkpoint, StringComparison.Ordinal) ? $"--checkpoint {e.Message}" : $"--checkpoint {checkpoint}: {e.Message}");
        }
    }

    private static TrainedModel? Errors(CompiledFile file, Terminal terminal)
    {
        BuildDiagnostics.WriteAll(file, terminal.Output);
        return null;
    }

    public void Dispose() => Module.Dispose();
}
