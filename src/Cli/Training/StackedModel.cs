using System;
using System.IO;
using System.Linq;
using System.Reflection;
using ProbDsl.Cli.Compiling;
using ProbDsl.Cli.Data;
using ProbDsl.Dsl.Ir;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Training;

/// <summary>What <c>--stack MODEL</c> asked for: the lower model of the same file, and its epochs.</summary>
internal sealed record StackRequest(string Model, int Epochs);

/// <summary>
/// <c>--stack LOWER</c>: Kingma et al.'s (2014) M1+M2 for any file. LOWER, a model of the same file without a label
/// and with one continuous latent h whose guide factor is a Normal of the data, is trained first on every training
/// row without its label; the chosen model, whose data variable is Normal of h's size, is then trained on LOWER's
/// code of each row: every training batch a fresh draw of q(h | x), test rows its mean. LOWER's checkpoint lives in
/// the run's <see cref="Folder"/> (out of the way of the run's own checkpoint search) and is reused on --resume.
/// </summary>
internal sealed record StackedModel(ModelIr Lower, GuideIr Guide, VariableIr Code, int Epochs)
{
    public const string Folder = "stack";

    /// <exception cref="UserError">LOWER is missing or cannot give the chosen model its data; the message says why.</exception>
    public static StackedModel Resolve(CompiledFile file, StackRequest request, ModelIr upper)
    {
        var models = file.Program!.Models;
        var lower = models.FirstOrDefault(m => m.Name == request.Model) ?? throw new UserError(
            $"--stack {request.Model}: {file.Path} declares no such model; it declares {string.Join(", ", models.Select(m => m.Name))}.");
        var problem = Problem(lower, upper);
        return problem is null
            ? new StackedModel(lower, lower.Guides[0], Codes(lower)[0], request.Epochs)
            : throw new UserError($"--stack {lower.Name}: {problem}.");
    }

    private static string? Problem(ModelIr lower, ModelIr upper)
    {
        if (lower.Name == upper.Name)
            return "a model cannot be stacked on itself; name the lower model (Kingma's M1) with --stack and the one trained on its code (M2) with --model";
        if (lower.Variables.FirstOrDefault(v => v.Role == VariableRole.Label) is { } label)
            return $"it declares the label {label.Name}; the lower model learns from the data alone (objective elbo), like Kingma et al.'s M1";
        if (lower.Guides.Count != 1)
            return $"it declares the guides {string.Join(", ", lower.Guides.Select(g => g.Name))}; --stack takes a model with one guide";
        var codes = Codes(lower);
        if (codes.Length != 1)
            return $"it declares {codes.Length} continuous latents ({string.Join(", ", codes.Select(v => v.Name))}); its code must be exactly one";
        var factor = lower.Guides[0].FactorFor(codes[0].Name)!;
        if (factor.Distribution.Family != DistributionFamily.Normal || factor.Conditions.Any(c => lower.FindVariable(c)?.Role != VariableRole.Data))
            return $"its guide's {factor.Signature('q')} must be a Normal of the data alone, so that q({codes[0].Name} | data) is a Normal to draw codes from";
        var data = ModelData.Of(upper).Data;
        if (data.Family != DistributionFamily.Normal || data.Size != codes[0].Size)
            return $"model {upper.Name}'s data {data.Name} : {data.Family}[{data.Size}] must be Normal[{codes[0].Size}] to take the code {codes[0].Name} of {lower.Name}";
        return null;
    }

    private static VariableIr[] Codes(ModelIr model) =>
        model.Variables.Where(v => v.Role == VariableRole.Latent && !v.IsDiscrete).ToArray();

    /// <summary>What the files or MNIST are bound to: LOWER's data variable, and the label of the model trained.</summary>
    public ModelData RawData(ModelIr upper) => new(upper.Name, ModelData.Of(Lower).Data, ModelData.Of(upper).Label);

    /// <summary>Trains (or resumes, or reuses) LOWER on <paramref name="raw"/>, which it takes over, and returns the codes.</summary>
    public TrainingData Encode(TrainingData raw, Assembly generated, CompiledFile file, TrainSettings settings, string output, Terminal terminal)
    {
        using (raw)
        {
            using var session = TrainingSession.Create(TrainerType.Find(generated, file.PlanOf(Lower, Guide)), Options(settings, output));
            Train(session, raw, terminal);
            var model = session.Unsupervised!;
            ((nn.Module)model).eval();
            var device = settings.Options.Device; // where the lower model's trainer put it
            var description = $"{raw.Description}; as {Lower.Name}'s code {Code.Name} ~ q({Code.Name} | {ModelData.Of(Lower).Data.Name}) after {Epochs} epochs";
            return raw.SemiSupervised is { } data
                ? TrainingData.ForLabel(new SemiSupervisedData(Drawn(model, data.Labelled, device), Drawn(model, data.Unlabelled, device), Means(model, data.Test, device)), description)
                : TrainingData.WithoutLabel(Drawn(model, raw.Train!, device), Means(model, raw.Test!, device), description);
        }
    }

    private TrainingOptions Options(TrainSettings settings, string output)
    {
        var folder = Directory.CreateDirectory(Path.Combine(output, Folder)).FullName;
        var checkpoint = Path.Combine(folder, RunResults.CheckpointFile);
        var run = settings.Options;
        return new TrainingOptions
        {
            Epochs = Epochs, BatchSize = run.BatchSize, Seed = run.Seed, Device = run.Device, ElboEvery = run.ElboEvery,
            CheckpointPath = checkpoint, ResumeFrom = run.ResumeFrom is not null && File.Exists(checkpoint) ? checkpoint : null,
            DataDescription = $"the training rows of {settings.Data.Data} without labels",
        };
    }

    private void Train(ITrainingSession session, TrainingData raw, Terminal terminal)
    {
        var (train, owned) = raw.SemiSupervised is { } data ? (Concatenated(data.Labelled, data.Unlabelled), true) : (raw.Train!, false);
        var test = raw.SemiSupervised?.Test ?? raw.Test!;
        try
        {
            terminal.Output.WriteLine($"stack: {Lower.Name} / {Guide.Name} first, on {train.Count} training rows without labels, {Epochs} epochs");
            var trained = 0;
            session.Train(TrainingData.WithoutLabel(train, test, ""), report =>
            {
                trained++;
                terminal.Output.WriteLine(FormattableString.Invariant(
                    $"stack epoch {report.Epoch,3}/{Epochs}  loss {report.TrainLoss,8:F2}  test ELBO {report.TestElbo,8:F2} nats  {report.Seconds,6:F1} s"));
            }, steps: null);
            if (trained == 0)
                terminal.Output.WriteLine($"stack: {Lower.Name} has reached --stack-epochs {Epochs}; reusing its checkpoint (a larger --stack-epochs trains it further)");
        }
        finally
        {
            if (owned)
                train.Dispose();
        }
    }

    private static DataSplit Concatenated(DataSplit first, DataSplit second) =>
        new(cat(new[] { first.Features, second.Features }, 0), labels: null, first.DynamicBinarization);

    /// <summary>Rows whose every batch is a fresh draw of q(code | row).</summary>
    private DataSplit Drawn(IUnsupervisedModel model, DataSplit rows, Device device)
    {
        var (loc, scale) = GuideCodes.Normal(model, Code.Name, rows.Features, device);
        return DataSplit.Gaussian(loc, scale, rows.Labels?.clone());
    }

    /// <summary>Rows coded by the mean of q(code | row): what evaluation reads.</summary>
    private DataSplit Means(IUnsupervisedModel model, DataSplit rows, Device device)
    {
        var (loc, scale) = GuideCodes.Normal(model, Code.Name, rows.Features, device);
        scale.Dispose();
        return new DataSplit(loc, rows.Labels?.clone());
    }
}
