using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProbDsl.Cli.Compiling;
using ProbDsl.Cli.Data;
using ProbDsl.Cli.Measures;
using ProbDsl.Dsl.Ir;
using ProbDsl.Inference.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Training;

/// <summary>
/// <c>probdsl train</c>: compile the file with the generator's emitter, compile that C# in memory, pick the
/// generated trainer of the chosen guide, then do what the example programs do, in their order — threads, seed,
/// data, trainer, train — so that the same options give the same numbers.
/// </summary>
internal static class TrainRun
{
    /// <returns>The epoch reports, or null when the model has errors (printed as the build prints them).</returns>
    public static IReadOnlyList<EpochReport>? Execute(TrainSettings settings, Terminal terminal)
    {
        if (Compile(settings, terminal) is not var (file, model))
            return null;
        var guide = CompiledFile.SelectGuide(model, settings.Guide);
        var stack = settings.Stack is { } request ? StackedModel.Resolve(file, request, model) : null;
        var modelData = stack?.RawData(model) ?? ModelData.Of(model);
        var generated = RuntimeCompiler.Compile($"ProbDsl.Models.{model.Name}", file.Sources);
        var trainerType = TrainerType.Find(generated, file.PlanOf(model, guide));
        var output = OutputDirectory(settings, model, guide);
        using var writing = OutputLock.Acquire(output);

        torch.set_num_threads(settings.Threads);
        terminal.Output.WriteLine(ProbDsl.Inference.Blas.BlasReport.Line());
        manual_seed(settings.Options.Seed); // before the trainer creates the model: its initial weights follow the seed
        var loaded = DataLoader.Load(settings.Data, modelData, message => terminal.Error.WriteLine(message));
        using var data = stack is null ? loaded : stack.Encode(loaded, generated, file, settings, output, terminal);
        var options = settings.Options with { CheckpointPath = Path.Combine(output, RunResults.CheckpointFile) };
        if (NothingToResume(options.ResumeFrom))
        {
            // A job script passes --resume on every start (a requeued Slurm task continues), so the first start finds
            // an empty run directory: that is a fresh run, not an error.
            terminal.Error.WriteLine($"--resume {options.ResumeFrom}: no checkpoint there yet; starting a fresh run.");
            options = options with { ResumeFrom = null };
            settings = settings with { Options = options };
        }
        using var session = TrainingSession.Create(trainerType, options);
        return Train(session, data, settings, Header(settings, model, guide, data, options, session.Alpha), output, model, terminal);
    }

    /// <summary>The file compiled (with the --infer override, if any) and the chosen model; null after printing errors.</summary>
    private static (CompiledFile File, ModelIr Model)? Compile(TrainSettings settings, Terminal terminal)
    {
        var file = CompiledFile.Load(settings.File, settings.Hoisting);
        if (file.HasErrors)
            return Errors(file, terminal);
        var model = file.SelectModel(settings.Model);
        if (settings.Infer is null)
            return (file, model);
        model = InferenceOverride.Apply(model, InferenceOverride.Parse(settings.Infer));
        file = file.With(model, settings.Hoisting);
        return file.HasErrors ? Errors(file, terminal) : (file, model);
    }

    private static (CompiledFile, ModelIr)? Errors(CompiledFile file, Terminal terminal)
    {
        BuildDiagnostics.WriteAll(file, terminal.Output);
        return null;
    }

    private static IReadOnlyList<EpochReport> Train(ITrainingSession session, TrainingData data, TrainSettings settings, RunHeader header, string output, ModelIr model, Terminal terminal)
    {
        terminal.Output.Write(session.Explanation);
        terminal.Output.WriteLine(data.Description);
        terminal.Output.WriteLine($"results and checkpoint in {output}");
        var display = new EpochDisplay(terminal, settings.Options.Epochs, session.Classifies, settings.StepLines);
        // A resumed run keeps the rows its earlier attempts wrote; the trainer reports only the epochs it trains.
        var results = settings.Options.ResumeFrom is null ? new RunResults(output, header) : RunResults.Continue(output, header);
        if (settings.GradientVariance is { } at)
        {
            var file = GradientVarianceFile.Start(output, resumed: settings.Options.ResumeFrom is not null);
            session.GradientProbe = new GradientVarianceProbe(at.Steps, at.EndOfFirstEpoch, GradientVarianceProbe.DefaultMinibatches, file.Add);
        }
        IReadOnlyList<EpochReport> reports = new List<EpochReport>();
        display.Run(steps => reports = session.Train(data, report =>
        {
            display.Epoch(report);
            results.Add(report);
        }, steps));
        // Before the run counts as finished, so that a run killed while measuring measures again when resumed.
        if (session.SemiSupervised is { } trained)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            manual_seed(settings.Options.Seed); // the bound's draws in argmax_y L(x,y): the same numbers however the run got here
            var measures = LatentMeasures.Write(trained, model, data.RequireSemiSupervised().Test, output,
                noSamples: settings.Stack is { } stacked ? $"the data are {stacked.Model}'s codes, not images" : null);
            terminal.Output.WriteLine(MeasuresLine(measures) + Invariant($" ({clock.Elapsed.TotalSeconds:F1} s)"));
        }
        results.Finish(reports);
        display.Table(reports);
        return reports;
    }

    private static string MeasuresLine(RunMeasures m)
    {
        var line = Invariant($"measures on {m.Rows} test rows: q(y|x) accuracy {m.GuideAccuracy * 100:F2}%, argmax_y L(x,y) accuracy {m.GenerativeAccuracy * 100:F2}%");
        if (m.KnnAccuracy is double knn)
            line += Invariant($", {KnnAccuracy.DefaultK}-NN accuracy on E[{m.Latent}] {knn * 100:F2}%, I(E[{m.Latent}]; y) ≈ {m.MutualInformation:F3} of H(y) = {m.LabelEntropy:F3} nats");
        return line + $"; written to {RunMeasures.FileName}";
    }

    private static string Invariant(System.FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A directory without any file that looks like a training checkpoint. A directory holding one that is damaged
    /// or of another model is not this case: resuming then fails and says why, rather than training over it.
    /// </summary>
    private static bool NothingToResume(string? resumeFrom) =>
        resumeFrom is not null && Directory.Exists(resumeFrom)
        && !Directory.EnumerateFiles(resumeFrom).Any(path => !Path.GetFileName(path).StartsWith('.') && Checkpoint.IsTrainingCheckpoint(path));

    private static string OutputDirectory(TrainSettings settings, ModelIr model, GuideIr guide)
    {
        var directory = settings.OutDirectory ?? Path.Combine("probdsl-runs", $"{model.Name}-{guide.Name}");
        if (File.Exists(directory))
            throw new UserError($"--out {directory}: a file of that name exists; give a directory.");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static RunHeader Header(TrainSettings settings, ModelIr model, GuideIr guide, TrainingData data, TrainingOptions options, double? alpha) => new(
        settings.File, model.Name, guide.Name, settings.Hoisting, settings.Infer, data.Description, options.Epochs, options.BatchSize,
        options.LabelledBatchSize, options.LearningRate, options.Seed, alpha, settings.Threads, options.CheckpointPath!);
}
